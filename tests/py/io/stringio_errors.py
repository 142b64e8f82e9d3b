# StringIO constructor and method argument errors.
import io

for args, kw in [((5,), {}), ((b"x",), {}), (("a", "b", "c"), {}), ((), {"foo": 1}),
                 (("a",), {"initial_value": "b"})]:
    try:
        io.StringIO(*args, **kw)
        print("ok")
    except TypeError:
        print("TypeError")
s = io.StringIO("abc")
for f in (lambda: s.readline("x"), lambda: s.readlines("x"), lambda: s.seek(),
          lambda: s.write(), lambda: s.read(1, 2)):
    try:
        f()
        print("no error")
    except TypeError:
        print("TypeError")
try:
    s.fileno()
except io.UnsupportedOperation:
    print("UnsupportedOperation")
try:
    s.detach()
except OSError:
    print("OSError")
print(issubclass(io.UnsupportedOperation, OSError))

# A closed BytesIO raises ValueError; closed and close() still work; context manager.
import io

b = io.BytesIO(b"x")
with b:
    print(b.read(), b.closed)
print(b.closed, b.close())
for name, args in [("read", ()), ("write", (b"x",)), ("seek", (0,)), ("tell", ()),
                   ("getvalue", ()), ("readline", ()), ("readinto", (bytearray(1),)),
                   ("truncate", ()), ("readlines", ())]:
    try:
        getattr(b, name)(*args)
        print(name, "no error")
    except ValueError:
        print(name, "ValueError")
try:
    list(b)
except ValueError:
    print("iter ValueError")

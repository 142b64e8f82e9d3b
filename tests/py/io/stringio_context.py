# StringIO as a context manager: closed on exit, also after an exception.
import io

with io.StringIO("x") as s:
    print(s.read(), s.closed)
print(s.closed)
try:
    with io.StringIO() as t:
        t.write("partial")
        raise KeyError("boom")
except KeyError:
    print("KeyError", t.closed)
with io.StringIO() as u:
    r = u.__enter__()
    print(r is u)
print(io.StringIO().__exit__(None, None, None))

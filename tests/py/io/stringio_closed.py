# A closed StringIO raises ValueError for I/O; close() twice is fine.
import io

s = io.StringIO("data")
print(s.closed)
s.close()
print(s.closed, s.close())
ops = [("read", ()), ("readline", ()), ("readlines", ()), ("write", ("x",)),
       ("writelines", ([],)), ("seek", (0,)), ("tell", ()), ("truncate", ()),
       ("getvalue", ()), ("readable", ()), ("writable", ()), ("seekable", ()),
       ("flush", ()), ("isatty", ())]
for name, args in ops:
    try:
        getattr(s, name)(*args)
        print(name, "no error")
    except ValueError:
        print(name, "ValueError")
try:
    next(s)
except ValueError:
    print("next ValueError")
try:
    for line in s:
        pass
except ValueError:
    print("for ValueError")
try:
    with s:
        pass
except ValueError:
    print("with ValueError")

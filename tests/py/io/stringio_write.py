# StringIO.write at the position: overwrite, extend, pad a gap with NULs.
import io

s = io.StringIO("abcdef")
s.seek(2)
print(s.write("XY"), repr(s.getvalue()), s.tell())
print(s.write("1234"), repr(s.getvalue()), s.tell())
s.seek(12)
print(s.write("!"), repr(s.getvalue()), s.tell())
s.seek(0)
s.write("")
print(repr(s.getvalue()), s.tell())
w = io.StringIO()
print(w.writelines(["a", "b\n", "", "c"]), repr(w.getvalue()))
w.writelines(x for x in "xyz")
print(repr(w.getvalue()))
for bad in (5, b"x", None, ["a"]):
    try:
        w.write(bad)
    except TypeError:
        print("TypeError")
try:
    w.writelines(["ok", 3])
except TypeError:
    print("TypeError: writelines")
print(repr(w.getvalue()))

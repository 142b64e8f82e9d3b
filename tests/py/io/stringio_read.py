# StringIO.read(size): positive, zero, negative, None; reads past the end.
import io

s = io.StringIO("0123456789")
print(repr(s.read(3)), repr(s.read(0)), repr(s.read(2)), s.tell())
print(repr(s.read(-1)), repr(s.read(5)), s.tell())
s.seek(4)
print(repr(s.read(None)))
s.seek(8)
print(repr(s.read(100)), s.tell())
s.seek(50)
print(repr(s.read()), s.tell())
for bad in ("1", 1.0):
    try:
        s.read(bad)
    except TypeError:
        print("TypeError")

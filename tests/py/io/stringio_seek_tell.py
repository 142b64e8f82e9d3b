# StringIO.seek: absolute positions; whence 1 and 2 only with offset 0; errors.
import io

s = io.StringIO("hello")
print(s.seek(3), s.tell(), repr(s.read()))
print(s.seek(0, 1), s.seek(0, 2), s.seek(0, 0), s.seek(100), s.tell())
print(repr(s.read()), s.seek(True))
for args in [(-1,), (1, 1), (-1, 2), (0, 3), (0, -1)]:
    try:
        s.seek(*args)
    except ValueError:
        print(args, "ValueError")
    except OSError:
        print(args, "OSError")
for args in [("1",), (1.5,), (0, "x")]:
    try:
        s.seek(*args)
    except TypeError:
        print(args, "TypeError")
print(s.tell())

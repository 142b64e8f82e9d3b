# BytesIO.seek: any whence with any offset; clamped at 0 for relative seeks.
import io

b = io.BytesIO(b"0123456789")
print(b.seek(3), b.read(2), b.seek(-2, 1), b.read(1), b.seek(-3, 2), b.read())
print(b.seek(-100, 1), b.seek(-100, 2), b.seek(5, 2), b.tell(), b.read())
b.write(b"!")
print(b.getvalue())
for args in [(-1,), (0, 3), (0, -1)]:
    try:
        b.seek(*args)
    except ValueError:
        print(args, "ValueError")
for args in [(1.0,), ("a",)]:
    try:
        b.seek(*args)
    except TypeError:
        print(args, "TypeError")
print(b.tell())

# BytesIO.truncate: size or position; position unchanged; errors.
import io

b = io.BytesIO(b"hello world")
print(b.truncate(5), b.getvalue(), b.tell())
b.seek(2)
print(b.truncate(), b.getvalue(), b.tell())
print(b.truncate(10), b.getvalue())
b.seek(0, 2)
print(b.tell(), b.write(b"!"), b.getvalue())
try:
    b.truncate(-1)
except ValueError:
    print("ValueError")
print(io.BytesIO(b"abc").truncate(None))

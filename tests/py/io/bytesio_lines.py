# BytesIO lines: readline(size), readlines(hint), iteration.
import io

b = io.BytesIO(b"one\ntwo\n\nthree")
print([b.readline() for _ in range(6)])
b.seek(0)
print(b.readline(2), b.readline(10), b.readline(0), b.readline(-1))
for hint in range(0, 12, 2):
    b.seek(0)
    print(hint, b.readlines(hint))
b.seek(0)
print(list(b), list(b))
b.seek(4)
print(next(b), iter(b) is b)
print(list(io.BytesIO(b"\r\nx\ry\n")))

# BytesIO.readinto and read1.
import io

b = io.BytesIO(b"abcdefg")
buf = bytearray(3)
print(b.readinto(buf), buf, b.readinto(buf), buf, b.readinto(buf), buf, b.readinto(buf))
b.seek(0)
print(b.read1(2), b.read1(), b.read1())
b.seek(1)
m = memoryview(bytearray(4))
print(b.readinto(m), bytes(m))
try:
    b.readinto(b"immutable")
except TypeError:
    print("TypeError")
print(b.readinto(bytearray()))

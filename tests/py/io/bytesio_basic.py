# io.BytesIO: write bytes-like objects, read back, getvalue.
import io

b = io.BytesIO()
print(b.write(b"hello "), b.write(bytearray(b"world")), b.write(memoryview(b"!")), b.tell())
print(b.getvalue(), b.read())
b.seek(0)
print(b.read(5), b.read(0), b.read(), b.read(), b.tell())
c = io.BytesIO(b"initial")
print(c.tell(), c.read(3), c.read(-1))
print(io.BytesIO().getvalue(), io.BytesIO(None).getvalue(), io.BytesIO(bytearray(b"ba")).read())
print(io.BytesIO(initial_bytes=b"kw").read(), io.BytesIO(memoryview(b"mv")).getvalue())
d = io.BytesIO(b"abc")
d.write(b"X")
print(d.getvalue(), d.tell())
print(type(b).__name__, b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())
print(io.BytesIO(b"\x00\xff\x80").getvalue())

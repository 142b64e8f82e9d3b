# BytesIO.write: overwrite, extend, pad a gap with zero bytes; type errors.
import io

b = io.BytesIO(b"abcdef")
b.seek(4)
print(b.write(b"XYZ"), b.getvalue(), b.tell())
b.seek(10)
print(b.write(b"!"), b.getvalue())
b.seek(1)
print(b.write(b""), b.getvalue(), b.tell())
b.writelines([b"1", bytearray(b"2"), memoryview(b"3")])
print(b.getvalue())
for bad in ("str", 5, None, [1]):
    try:
        b.write(bad)
    except TypeError:
        print("TypeError")
print(b.getvalue())

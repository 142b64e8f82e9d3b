# Slicing bytearray gives copies; bytes are hashable but bytearray is not.
ba = bytearray(b"abcdef")
part = ba[1:3]
part[0] = ord("X")
print(ba, part)
d = {b"key": 1}
print(d[b"key"])
try:
    {bytearray(b"k"): 1}
except TypeError:
    print("TypeError: unhashable bytearray")
print(len({b"a", b"a", b"b"}))

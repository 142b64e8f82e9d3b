# Concatenation, repetition and comparison of bytes and bytearray.
a = b"ab"
c = bytearray(b"cd")
print(a + b"cd", a * 3, a + c, type(a + c).__name__, c + a, type(c + a).__name__)
print(b"abc" < b"abd", b"ab" < b"abc", b"\xff" > b"\x00", a == bytearray(b"ab"))
print(b"ab" == "ab", b"" < b"\x00")
try:
    b"ab" + "cd"
except TypeError:
    print("TypeError")
print(sorted([b"b", b"a", b"ab"]))
print(hash(b"ab") == hash(b"a" + b"b"))

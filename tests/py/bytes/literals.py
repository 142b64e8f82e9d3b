# bytes literals, repr and basic properties.
b = b"hello"
print(b, len(b), type(b).__name__)
print(b"\x00\x01\xff", b"tab\t", b"quote'", b'dq"', b"\\")
print(repr(b"\x7f\x80"), repr(b"it's"), repr(b"both '\""))
print(rb"\d+", b"" == bytes(), b"a" b"b")
print(b"\n\r\t", b"\x41\x42")

# ASCII case conversion and the is* predicates (non-ASCII bytes are never letters).
samples = [b"", b"hello", b"HELLO", b"Hello World", b"hello world", b"hELLO wORLD", b"123", b"abc123",
           b"a1 b2", b"  ", b" \t\n\r\x0b\x0c", b"\x1c", b"\xe9t\xe9", b"\xc9T\xc9", b"They're Bill's",
           b"3rd-party_lib", b"A", b"a", b"1A", b"\x00", b"\x7f", b"\x80", b"Ab Cd", b"AB CD", b"aB"]
for s in samples:
    print(repr(s), s.lower(), s.upper(), s.swapcase(), s.title(), s.capitalize())
    print("   ", s.isalnum(), s.isalpha(), s.isdigit(), s.islower(), s.isupper(), s.isspace(), s.istitle(),
          s.isascii())
ba = bytearray(b"Mixed Case \xff")
print(ba.lower(), ba.upper(), ba.swapcase(), ba.title(), ba.capitalize(), type(ba.upper()).__name__)
print(ba.isalpha(), ba.isascii(), ba.istitle(), bytearray().isspace(), bytearray(b"ab").islower())
print(b"abc".upper() is not b"abc", ba.upper() is not ba)

# str.encode and bytes.decode with utf-8.
s = "héllo €"
b = s.encode()
print(b, len(b), len(s))
print(b.decode(), b.decode("utf-8") == s)
print("abc".encode("ascii"), "abc".encode("utf-8"))
print(bytes("ñ", "utf-8"), list("ñ".encode()))
try:
    b"\xff".decode()
except UnicodeDecodeError:
    print("UnicodeDecodeError")
try:
    b"\xff".decode("utf-8")
except ValueError:
    print("it is a ValueError")
print("😀".encode(), b"\xf0\x9f\x98\x80".decode() == "😀")

# Iterating over bytes and building them up.
total = 0
for byte in b"\x01\x02\x03":
    total += byte
print(total)
print(sum(b"abc"), max(b"abc"), min(b"azb"))
out = bytearray()
for i in range(5):
    out.append(48 + i)
print(out, bytes(out).decode())
print(list(enumerate(b"hi")))
print(bytes(reversed(b"abc")))
print(b"".join(bytes([c]) for c in b"xyz" if c != 121))

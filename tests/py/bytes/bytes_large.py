# Larger inputs: operations must stay linear (append loops, join, replace, split, hex).
n = 200000
b = bytearray()
for i in range(n):
    b.append(i % 251)
print(len(b), b[:3], b[-3:])
parts = [bytes((i % 256,)) * 3 for i in range(5000)]
j = b"".join(parts)
print(len(j), j[:6], j.count(b"\x00\x00\x00"))
r = (b"ab" * 100000).replace(b"a", b"xyz")
print(len(r), r[:8], r.count(b"xyz"))
s = (b"word " * 5000).split()
print(len(s), s[0], s[-1])
h = bytes(range(256)) * 100
print(len(h.hex()), bytes.fromhex(h.hex()) == h)
acc = b""
for i in range(2000):
    acc += b"x"
print(len(acc))
big = b"z" * 1000000
print(big.find(b"zy"), big.rfind(b"zz"), big.count(b"z"), len(big[::2]), len(big * 3))
m = memoryview(big)
print(len(m[::7]), m[999999], bytes(m[-3:]))
ba = bytearray(b"q" * 100000)
ba[50000:50000] = b"INSERT"
del ba[:50000]
print(len(ba), ba[:6])

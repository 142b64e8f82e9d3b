# hexlify/unhexlify round trips over all byte values and many lengths
import binascii
ok = True
for n in range(0, 300, 7):
    data = bytes((i * 131 + n) & 0xff for i in range(n))
    h = binascii.hexlify(data)
    ok = ok and len(h) == 2 * n and binascii.unhexlify(h) == data and binascii.unhexlify(h.upper()) == data
    ok = ok and h == data.hex().encode()
print(ok)
print(binascii.hexlify(bytes(range(16)), '.', 4))
print(binascii.unhexlify('00ff' * 1000) == b'\x00\xff' * 1000)

# encode/decode round trips over many lengths and byte values
import binascii
ok = True
for n in range(300):
    data = bytes((i * 37 + n) & 0xff for i in range(n))
    enc = binascii.b2a_base64(data)
    ok = ok and binascii.a2b_base64(enc) == data and binascii.a2b_base64(enc.decode()) == data
    ok = ok and len(enc) == (n + 2) // 3 * 4 + 1
    ok = ok and binascii.a2b_base64(enc[:-1], strict_mode=True) == data
print(ok)
big = bytes(range(256)) * 400
enc = binascii.b2a_base64(big, newline=False)
print(len(enc), binascii.a2b_base64(enc) == big, enc[:16], enc[-8:])
wrapped = b'\n'.join(enc[i:i + 76] for i in range(0, len(enc), 76))
print(binascii.a2b_base64(wrapped) == big)

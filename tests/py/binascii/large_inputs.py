# large inputs through every function
import binascii
data = bytes(range(256)) * 1024
h = binascii.hexlify(data)
print(len(h), h[:16], binascii.unhexlify(h) == data)
e = binascii.b2a_base64(data)
print(len(e), binascii.a2b_base64(e) == data, binascii.crc32(data))
print(binascii.hexlify(data[:64], ' ', 8)[:60])

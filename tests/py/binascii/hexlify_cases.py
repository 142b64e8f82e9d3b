# hexlify/b2a_hex with separators; unhexlify/a2b_hex of bytes and ASCII str
import binascii
print(binascii.hexlify(b''), binascii.hexlify(b'\x00\x01\xab\xff'), binascii.b2a_hex(bytearray(b'xyz')))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2), binascii.hexlify(b'\x01\x02\x03', sep='_', bytes_per_sep=3))
print(binascii.hexlify(memoryview(b'mv')), type(binascii.hexlify(b'a')).__name__)
print(binascii.unhexlify(b'0001abff'), binascii.unhexlify('DEADbeef'), binascii.a2b_hex(b''), binascii.unhexlify(bytearray(b'41')))
print(binascii.unhexlify(binascii.hexlify(bytes(range(256)))) == bytes(range(256)))

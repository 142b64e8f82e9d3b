# crc32: known values, chaining with a start value, any-size and negative start values
import binascii
print(binascii.crc32(b''), binascii.crc32(b'a'), binascii.crc32(b'hello'), binascii.crc32(b'123456789'))
print(binascii.crc32(b'The quick brown fox jumps over the lazy dog'))
c = binascii.crc32(b'hello ')
print(binascii.crc32(b'world', c), binascii.crc32(b'hello world'))
print(binascii.crc32(b'hello', 1), binascii.crc32(b'a', -1), binascii.crc32(b'a', 2**40), binascii.crc32(b'a', -2**70))
print(binascii.crc32(bytearray(b'xyz')), binascii.crc32(memoryview(b'xyz')), binascii.crc32(b'\x00' * 10000))
print(binascii.crc32(bytes(range(256)) * 100), binascii.crc32(b'a', True))
crc = 0
for i in range(0, 1000, 7):
    crc = binascii.crc32(bytes((i + k) % 256 for k in range(7)), crc)
print(crc)
for bad in ['a', 5]:
    try:
        binascii.crc32(bad)
    except TypeError:
        print('TypeError')
try:
    binascii.crc32(b'a', 1.0)
except TypeError:
    print('TypeError float start')

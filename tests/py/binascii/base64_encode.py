# b2a_base64: padding, newline keyword, binary data, buffers
import binascii
for n in range(8):
    data = bytes(range(250, 250 + n)) if n < 6 else b'x' * n
    print(n, binascii.b2a_base64(data), binascii.b2a_base64(data, newline=False))
print(binascii.b2a_base64(b'Man'), binascii.b2a_base64(b'Ma'), binascii.b2a_base64(b'M'))
print(binascii.b2a_base64(bytes(range(256)))[:40])
print(binascii.b2a_base64(bytearray(b'\xfb\xff\xbf')), binascii.b2a_base64(memoryview(b'hello world')))
print(len(binascii.b2a_base64(b'\x00' * 1000)), binascii.b2a_base64(b'', newline=False))
for bad in ['str', 5]:
    try:
        binascii.b2a_base64(bad)
    except TypeError:
        print('TypeError')
try:
    binascii.b2a_base64(b'abc', False)
except TypeError:
    print('TypeError positional newline')

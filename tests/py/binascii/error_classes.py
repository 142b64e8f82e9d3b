# binascii.Error and binascii.Incomplete: classes that can be raised and caught
import binascii
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
print(binascii.Error.__name__, binascii.Incomplete.__name__)
try:
    raise binascii.Error('bad', 1)
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    binascii.unhexlify('x')
except ValueError as e:
    print(type(e) is binascii.Error, e)
print(sorted(n for n in dir(binascii) if not n.startswith('_') and n in ('hexlify', 'unhexlify', 'a2b_base64', 'b2a_base64', 'crc32', 'b2a_hex', 'a2b_hex', 'Error', 'Incomplete')))

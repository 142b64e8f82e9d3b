# errors of the hex functions: binascii.Error (a ValueError), ValueError, TypeError
import binascii
def t(f, *args):
    try:
        print(f.__name__, f(*args))
    except binascii.Error as e:
        print(f.__name__, 'Error', e, isinstance(e, ValueError))
    except ValueError as e:
        print(f.__name__, 'ValueError', e)
    except TypeError:
        print(f.__name__, 'TypeError')
t(binascii.unhexlify, b'1')
t(binascii.unhexlify, b'abc')
t(binascii.unhexlify, b'zz')
t(binascii.unhexlify, b'0g')
t(binascii.unhexlify, b'0 1')
t(binascii.unhexlify, '\u00e9\u00e9')
t(binascii.unhexlify, 5)
t(binascii.a2b_hex, None)
t(binascii.hexlify, 'abc')
t(binascii.hexlify, 5)
t(binascii.hexlify, b'abc', '--')
t(binascii.hexlify, b'abc', 5)

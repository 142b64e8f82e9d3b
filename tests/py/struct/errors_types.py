# wrong argument types for each kind of code: struct.error and TypeError as CPython
import struct
def t(fmt, *args):
    try:
        print(fmt, [type(a).__name__ for a in args], struct.pack(fmt, *args))
    except struct.error as e:
        print(fmt, 'error', e)
    except TypeError:
        print(fmt, 'TypeError')
    except OverflowError as e:
        print(fmt, 'OverflowError', e)
for code in 'bBhHiIlLqQnNP':
    t(code, 1.5)
    t(code, '1')
    t(code, None)
for code in 'efd':
    t(code, 'x')
    t(code, None)
    t(code, [1.0])
    t(code, 10**400)
t('c', 'a')
t('c', b'ab')
t('c', bytearray(b'a'))
t('c', 97)
t('s', 'abc')
t('p', 5)
t('3s', memoryview(b'abc'))
class Idx:
    def __index__(self):
        return 42
class Flt:
    def __float__(self):
        return 1.5
t('i', Idx())
t('d', Idx())
t('d', Flt())
t('i', Flt())
t('<f', 10**39)
t('<f', 1e39)

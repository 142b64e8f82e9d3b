# bad typecodes and initializers
import array
def t(*args):
    try:
        print(array.array(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
t('z')
t('')
t('ii')
t(5)
t(b'i')
t('i', 'abc')
t('i', b'abc')
t('d', b'1234567')
t('i', 5)
t('i', [1.5])
t('i', ['1'])
t('d', ['1'])
t('i', array.array('d', [1.0]))
t('i', [1, None])
try:
    array.array()
except TypeError:
    print('TypeError no args')
try:
    array.array('i', [1], 2)
except TypeError:
    print('TypeError 3 args')
try:
    array.array('i', initializer=[1])
except TypeError:
    print('TypeError keyword')

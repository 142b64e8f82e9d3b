# typecode, itemsize, buffer_info, module attributes
import array
a = array.array('i', [1, 2, 3])
print(a.typecode, a.itemsize, a.buffer_info()[1], type(a.buffer_info()[0]).__name__)
print(array.array('b').itemsize, array.array('h').itemsize, array.array('q').itemsize, array.array('d').itemsize, array.array('f').itemsize)
print(array.array('l').itemsize == array.array('L').itemsize)
print(array.__name__, all(tc in array.typecodes for tc in 'bBhHiIlLqQfd'))
for name in ['typecode', 'itemsize']:
    try:
        setattr(a, name, 'x')
    except AttributeError:
        print('AttributeError', name)
print([n for n in ['append', 'extend', 'insert', 'pop', 'remove', 'index', 'count', 'reverse', 'tobytes', 'frombytes', 'tolist', 'fromlist', 'byteswap'] if hasattr(a, n)])

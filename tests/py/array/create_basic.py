# array construction for every typecode, from lists, ranges, tuples and generators
import array
for tc in 'bBhHiIlLqQfd':
    a = array.array(tc, [1, 2, 3])
    print(tc, a, a.typecode, len(a), a.itemsize == array.array(tc).itemsize)
print(array.array('i'), array.array('d', ()), array.array('h', range(5)), array.array('q', (x * x for x in range(4))))
print(array.array('b', b'\x01\xff'), array.array('B', bytearray(b'ab')), array.array('h', b'\x01\x00\x02\x00'))
print(array.array('d', array.array('i', [1, 2])), array.array('i', array.array('i', [7])))
print(array.array('f', [0.1, 0.5]), array.array('d', [0.1, 1e300, -0.0]))
print(array.ArrayType is array.array, type(array.array('i')).__name__)
print(array.array('b', [-128, 127]), array.array('B', [0, 255]), array.array('h', [-32768, 32767]), array.array('H', [65535]))
print(array.array('i', [-2**31, 2**31 - 1]), array.array('I', [2**32 - 1]), array.array('q', [-2**63, 2**63 - 1]), array.array('Q', [2**64 - 1]))

# tobytes, frombytes, byteswap, tolist, fromlist
import array
a = array.array('H', [1, 0x0102, 0xffff])
print(a.tobytes(), a.tolist(), type(a.tolist()).__name__)
a.byteswap()
print(a, a.tobytes())
a.frombytes(b'\x05\x00')
a.frombytes(bytearray(b'\x06\x00'))
a.frombytes(memoryview(b'\x07\x00'))
print(a)
b = array.array('i')
b.frombytes(array.array('i', [42, 43]).tobytes())
print(b)
for bad in [b'abc', 'ab']:
    try:
        b.frombytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
c = array.array('b', [1])
c.fromlist([2, 3])
print(c)
for bad in [(4, 5), [4, 'x'], [4, 500]]:
    try:
        c.fromlist(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__)
print(c)
d = array.array('d', [1.5, -2.0])
d.byteswap()
d.byteswap()
print(d, array.array('d', [1.0]).tobytes())
e = array.array('B', range(4))
e.byteswap()
print(e)
print(array.array('q', [1, -1]).tobytes())

# bytes slicing without a step, iteration and join, over bytes, subclasses and other
# bytes-like items (the common cases take shortcuts; the results must not change).
b = bytes(range(10))
for i in [None, -20, -10, -3, -1, 0, 1, 5, 9, 10, 11, 100]:
    for j in [None, -20, -10, -4, -1, 0, 2, 9, 10, 12, 100]:
        print(i, j, b[i:j], b[i:j:1] == b[i:j], b''[i:j])
print(b[True:3], b[1:False], b[False:True])


class I:
    def __index__(self):
        return 3


print(b[I():], b[:I()], b[::2], b[::-1][2:5])
try:
    b['x':2]
except TypeError as e:
    print('TypeError')


class B(bytes):
    pass


for x in [b'abc', B(b'abc'), bytearray(b'abc'), b'']:
    it = iter(x)
    print(type(x).__name__, list(it), list(it), sum(x), x[1:] if x else x[:])
ba = bytearray(b'xyz')
out = []
for c in ba:
    out.append(c)
    if len(ba) < 6:
        ba.append(c + 1)
print(out, ba)
parts = [b'ab', B(b'cd'), bytearray(b'ef'), memoryview(b'gh'), b'']
print(b''.join(parts), b'--'.join(parts), bytearray(b'.').join(parts), b'x'.join([]))
print(B(b'+').join([b'1', b'2']), type(B(b'+').join([b'1'])).__name__)
try:
    b''.join([b'a', 'b'])
except TypeError as e:
    print('TypeError', e)

# repr and str of arrays
import array
for tc in 'bBhHiIlLqQfd':
    print(repr(array.array(tc)), str(array.array(tc, [0, 1])))
print(repr(array.array('d', [0.1, -0.0, 1e100, float('inf')])))
print([array.array('b', [1])], {'k': array.array('h', [2])})
print('%s|%r' % (array.array('i', [5]), array.array('i', [6])))

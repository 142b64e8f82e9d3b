# +, *, +=, *=, in, len, bool
import array
a = array.array('i', [1, 2])
b = array.array('i', [3])
print(a + b, a * 3, 3 * a, a * 0, a * -1, len(a * 5))
c = a
c += b
print(c is a, a)
c *= 2
print(c is a, a)
print(2 in a, 9 in a, 2.0 in a, 'x' in a, bool(array.array('i')), bool(a))
for bad in [lambda: a + [1], lambda: a + array.array('d', [1.0]), lambda: a * 'x', lambda: a * 1.5]:
    try:
        bad()
    except TypeError:
        print('TypeError')
try:
    a += [1]
except TypeError:
    print('TypeError +=')
a *= 0
print(a, len(a))

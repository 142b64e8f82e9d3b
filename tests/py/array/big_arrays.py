# large arrays: growth by append, big repeats, slicing and deleting many items
import array
a = array.array('i')
for i in range(50000):
    a.append(i)
print(len(a), a[0], a[-1], sum(a))
b = array.array('B', [7]) * 1000000
print(len(b), b[999999], b.count(7) == 1000000)
c = a[::7]
print(len(c), c[-1])
del a[::2]
print(len(a), a[:5], a[-1])
d = array.array('d', range(10000))
d.extend(d)
print(len(d), d[10000], sum(d))
e = array.array('q', bytes(8 * 20000))
print(len(e), e.count(0))

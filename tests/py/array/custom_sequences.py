# arrays built from and compared with other sequences; index/count with mixed numbers
import array
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
a = array.array('h', Seq())
print(a, list(a) == [0, 10, 20])
d = array.array('d', [1, 2.5, 1.0])
print(d.count(1), d.index(2.5), 1 in d, True in d, d.count(True))
i = array.array('i', [3, 3, 4])
print(i.count(3.0), i.index(4.0), 3.5 in i)
print(array.array('b', map(int, '123')), array.array('d', (x / 4 for x in range(3))))
print(list(zip(array.array('i', [1, 2]), array.array('d', [0.5, 1.5]))))

# iterating arrays: for, list(), enumerate, sum, an iterator seeing appends
import array
a = array.array('d', [0.5, 1.5, 2.5])
for x in a:
    print(x)
print(list(a), sum(a), max(a), list(enumerate(array.array('b', [-1, 1]))))
it = iter(a)
print(next(it), type(it).__name__ == 'arrayiterator', iter(it) is it)
a.append(3.5)
print(list(it))
print(list(it))
print([x * 2 for x in array.array('H', range(5))], tuple(array.array('q', [2**40])))
print(sorted(array.array('i', [3, 1, 2])), list(reversed(array.array('i', [1, 2, 3]))))

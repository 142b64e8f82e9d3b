# reversed() and sorted() on several types.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
print(list(reversed(range(4))), list(reversed({"a": 1, "b": 2})))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return "s%d" % i


print(list(reversed(Seq())))


class Rev:
    def __reversed__(self):
        return iter([3, 2, 1])


print(list(reversed(Rev())))
try:
    reversed({1, 2})
except TypeError:
    print("TypeError: set is not reversible")
print(sorted("bca"), sorted({3: 0, 1: 0}), sorted([3, 1, 2], reverse=True))
print(sorted(["b", "A", "c"], key=str.lower))
l = [3, 1]
s = sorted(l)
print(l, s, l is s)

# The iterator protocol: iter() returns an iterator, next() advances it.
class Range:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return RangeIter(self.n)


class RangeIter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i - 1


r = Range(3)
print(list(r), list(r), [x * y for x in r for y in r])
it = iter(r)
print(next(it), list(it), list(it))
print(sum(Range(101)), max(Range(5)), sorted(Range(3), reverse=True))
print(dict.fromkeys(Range(2)), set(Range(3)) == {0, 1, 2}, tuple(Range(2)))

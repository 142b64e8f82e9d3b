# An iterable that returns self from __iter__ is exhausted after one pass.
class Once:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


o = Once(3)
print(list(o), list(o))


class Many:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n))


m = Many(3)
print(list(m), list(m))

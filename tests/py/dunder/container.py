# __getitem__, __setitem__, __delitem__, __len__, __contains__ on a sparse array.
class Sparse:
    def __init__(self, size):
        self.size = size
        self.data = {}

    def _check(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("Sparse index out of range")
        return i

    def __getitem__(self, i):
        return self.data.get(self._check(i), 0)

    def __setitem__(self, i, v):
        self.data[self._check(i)] = v

    def __delitem__(self, i):
        self.data.pop(self._check(i), None)

    def __len__(self):
        return self.size

    def __contains__(self, v):
        return v in self.data.values()


s = Sparse(10)
s[2] = 5
s[-1] = 7
print(s[2], s[9], s[0], len(s), 5 in s, 6 in s, 6 not in s)
del s[2]
print(s[2], 5 in s)
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
print(list(s)[:3], sum(s))
print(bool(Sparse(0)), bool(s))

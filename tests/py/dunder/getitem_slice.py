# __getitem__ receives slice objects and tuples.
class Show:
    def __getitem__(self, key):
        return key


s = Show()
print(s[1], s["k"], s[1:2], s[::2], s[:], s[1:2:3], s[-1:])
print(s[1, 2], s[1:2, 3], s[..., 0])
k = s[2:8:3]
print(type(k).__name__, k.start, k.stop, k.step)
print(k.indices(5), slice(None, None, -1).indices(4))


class Seq:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.items[i])
        return self.items[i]

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "Seq(%r)" % (self.items,)


q = Seq([0, 1, 2, 3, 4, 5])
print(q[1:4], q[::-2], q[-1], len(q[2:]))

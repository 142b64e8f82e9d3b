# __index__ lets an object be used as a list index, in slices, range, hex and bin.
class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], list(range(Idx(3))))
print(hex(Idx(255)), bin(Idx(5)), oct(Idx(8)))
print("ab" * Idx(3))

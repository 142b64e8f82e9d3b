# len() of every sized builtin type and of a class with __len__.
print(len(""), len("héllo"), len(b"ab"), len(bytearray(3)), len([1, 2]), len((1,)))
print(len({1: 2}), len({1, 2, 3}), len(frozenset()), len(range(0, 10, 3)), len({}.keys()))


class L:
    def __len__(self):
        return 42


print(len(L()))
for name, bad in (("int", 5), ("None", None), ("float", 1.5), ("iterator", iter([]))):
    try:
        len(bad)
    except TypeError:
        print("TypeError", name)


class NegLen:
    def __len__(self):
        return -1


try:
    len(NegLen())
except ValueError:
    print("ValueError: __len__() should return >= 0")

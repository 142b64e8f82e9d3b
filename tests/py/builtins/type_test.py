# type() of builtin values and type objects.
vals = [0, 0.0, "", b"", bytearray(), [], (), {}, set(), frozenset(), None, True, range(0),
        slice(0), type, object(), Ellipsis, NotImplemented, (x for x in ())]
print([type(v).__name__ for v in vals])
print(type(1) is int, type(int), type(int) is type)


def f():
    pass


class K:
    def m(self):
        pass


print(type(f).__name__, type(K().m).__name__, type(K).__name__, type(K()).__name__)

# repr() and str() of builtin values.
vals = [1, -1.5, "s", "it's", b"b", None, True, [1, "a"], (1,), {"k": 1.0}, range(2),
        slice(1, 2), bytearray(b"x"), frozenset([1]), 2 ** 70, 1e100, ..., NotImplemented]
for v in vals:
    print(repr(v), str(v))
print(repr(int), repr(str), repr(ValueError))

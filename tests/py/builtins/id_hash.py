# id() identity truths and hash() of ints and equal objects.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c), type(id(a)).__name__)
x = object()
print(id(x) == id(x))
print(hash(5) == 5, hash(-7) == -7, hash(0), hash(True) == 1, hash(False))
print(hash(1.0) == hash(1), hash(2 ** 70) == hash(2 ** 70), hash("abc") == hash("a" + "bc"))
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])))
print(hash(None) == hash(None), hash(-1) == hash(-2))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError:
        print("TypeError unhashable", type(bad).__name__)

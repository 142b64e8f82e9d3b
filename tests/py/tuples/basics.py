# Tuple creation, indexing, slicing and immutability.
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
print((), (1,), 1, (1), tuple(), tuple([1, 2]), tuple("ab"))
single = 5,
print(single, type(single).__name__)
try:
    t[0] = 9
except TypeError:
    print("TypeError: immutable")
try:
    t[10]
except IndexError:
    print("IndexError")
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
print(t.count(None), t.index("two"), (1, 2, 1).count(1))

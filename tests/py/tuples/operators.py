# Tuple concatenation, repetition, comparison and membership.
a = (1, 2)
b = (3,)
print(a + b, a * 3, 2 * b, a + ())
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), () < (0,))
print(2 in a, 5 not in a, len(a * 10))
print(max([(1, "b"), (1, "a"), (0, "z")]))
try:
    (1,) + [2]
except TypeError:
    print("TypeError: tuple + list")
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)])
try:
    hash((1, [2]))
except TypeError:
    print("TypeError: unhashable list inside")

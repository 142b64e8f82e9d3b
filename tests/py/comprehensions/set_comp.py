# Set comprehensions (printed sorted or with small ints only).
s = {x % 5 for x in range(20)}
print(s, len(s))
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
print({x * x for x in range(-3, 4)} == {0, 1, 4, 9})
print(sorted({(x, x % 2) for x in range(4)}))
print(type({x for x in ()}).__name__, len({x for x in ()}))

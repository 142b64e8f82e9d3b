# List comprehensions with conditions and expressions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([c.upper() for c in "abc"])
print([(x, y) for x in range(3) for y in "ab"])
print([x if x > 2 else None for x in range(5)])
print([len(w) for w in "the quick brown fox".split()])
print([[] for _ in range(3)])
print([i for i in []])
words = ["apple", "Bob", "cat"]
print([w for w in words if w[0].islower()])
print([f(3) for f in (abs, str, float)])

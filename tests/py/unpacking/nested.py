# Nested unpacking in assignments and for loops.
(a, b), c = (1, 2), 3
print(a, b, c)
[a, [b, [c, d]]] = [1, [2, [3, 4]]]
print(a, b, c, d)
for (x, y), z in [((1, 2), 3), ((4, 5), 6)]:
    print(x + y + z)
for i, (name, *rest) in enumerate([("a", 1, 2), ("b",)]):
    print(i, name, rest)
points = {"p": (1, 2), "q": (3, 4)}
for key, (px, py) in points.items():
    print(key, px * py)

# Unpacking targets in comprehensions.
pairs = [(1, "one"), (2, "two"), (3, "three")]
print([n for n, _ in pairs])
print({name: n for n, name in pairs})
print([(a, b, c) for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]])
print([first for first, *rest in [[1, 2, 3], [4], [5, 6]]])
print([rest for first, *rest in [[1, 2, 3], [4], [5, 6]]])
print([k + str(v) for k, v in sorted({"b": 2, "a": 1}.items())])

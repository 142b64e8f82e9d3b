# Dict comprehensions.
print({x: x * x for x in range(5)})
words = ["apple", "banana", "cherry"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
d = {"a": 1, "b": 2, "c": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v != 2})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({k: [] for k in "xy"})
print({i % 3: i for i in range(10)})

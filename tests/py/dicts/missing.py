# KeyError for missing keys; __missing__ in dict subclasses; in / not in.
d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print("KeyError", e.args)
try:
    d[("t", 1)]
except KeyError as e:
    print("KeyError", e.args)
print("a" in d, "b" not in d, 1 in d)


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "banana":
    c[ch] += 1
print(c, c["z"], "z" in c)

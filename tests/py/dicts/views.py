# keys(), values(), items() views are live.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["c"] = 3
print(list(k), list(v), list(it), len(k))
print("a" in k, 2 in v, ("c", 3) in it, ("c", 4) in it)
print(sorted(k), sum(v))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}))
for key, val in d.items():
    print(key, val)

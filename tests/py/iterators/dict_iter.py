# Iterating dict views while reading, and converting views.
d = {"a": 1, "b": 2, "c": 3}
keys = iter(d)
print(next(keys), next(keys))
items = iter(d.items())
print(next(items))
vals = d.values()
print(list(vals), sum(vals), max(vals))
print(list(zip(d, d.values())))
print(sorted(d.items(), key=lambda kv: -kv[1]))
print([k for k, v in d.items() if v > 1])

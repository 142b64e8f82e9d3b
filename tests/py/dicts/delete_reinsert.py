# Deleting and re-adding keys in small dicts (no index) and large ones (an index), with keys
# of every kind: the order of what is left, lookups after the gaps close, growth past the
# small-dict size with deleted entries in between.
def show(d):
    print(len(d), list(d.items()))


keys = ["a", "b", 3, (4, 5), 6.5, "xyz" * 3, -1, None, True]
d = {}
for i, k in enumerate(keys[:6]):
    d[k] = i
show(d)
del d["a"]
del d[(4, 5)]
show(d)
print(d["b"], d[3], d[6.5], d.get((4, 5)), "a" in d)
d["a"] = 10
d[(4, 5)] = 11
show(d)
for k in keys[6:]:
    d[k] = str(k)
show(d)  # more than 8 entries: an index now
for k in list(d)[::3]:
    del d[k]
show(d)
print([d.get(k) for k in keys])
d.update({k: 0 for k in range(20)})
show(d)
while len(d) > 3:
    d.popitem()
show(d)

# the same key deleted and added in a loop never grows a small dict's size without bound
e = {"x": 1}
for i in range(1000):
    del e["x"]
    e["x"] = i
show(e)

# a dict emptied by deletions, then reused
f = {i: i for i in range(12)}
for i in range(12):
    del f[i]
show(f)
f[(1, 2)] = "t"
f["n"] = "s"
show(f)
print(f == {"n": "s", (1, 2): "t"}, f != {"n": "s"})

# 1, 1.0 and True are one key
g = {1: "int"}
g[1.0] = "float"
g[True] = "bool"
show(g)
del g[True]
show(g)

# changing the size while iterating raises, deleting and re-adding does not go unnoticed
h = {"p": 1, "q": 2, "r": 3}
try:
    for k in h:
        del h[k]
except RuntimeError as ex:
    print("RuntimeError", ex)
show(h)

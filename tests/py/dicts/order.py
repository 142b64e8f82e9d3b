# Dicts keep insertion order; updating a key keeps its position.
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d, list(d), list(d.values()))
d["alpha"] = 100
print(list(d.items()))
del d["zeta"]
d["zeta"] = 0
print(list(d))
d.pop("mid")
d["mid"] = 1
print(d)
big = {}
for i in range(100, 0, -1):
    big[i] = i
print(list(big)[:5], list(big)[-3:])
for i in range(100, 50, -1):
    del big[i]
for i in range(200, 205):
    big[i] = 0
print(list(big)[:3], list(big)[-6:])

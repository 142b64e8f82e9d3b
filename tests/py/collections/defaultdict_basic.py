# defaultdict: the factory fills missing keys on [] only.
from collections import defaultdict

d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(sorted(d.items()), len(d))
c = defaultdict(int)
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()))
s = defaultdict(set)
s["x"].add(1)
s["x"].add(1)
print(s["x"], s["y"], len(s))
print(d.get("zz"), "zz" in d, len(d))
print(d["zz"], "zz" in d, len(d))
print(d.__missing__("new"), d["new"])
print(isinstance(d, dict), type(d).__name__, d.default_factory)
n = defaultdict(lambda: "none")
print(n[1], dict(n))
e = defaultdict(None, {"k": 1})
print(e["k"], e.default_factory)
kw = defaultdict(int, a=1, b=2)
print(sorted(kw.items()))
print(defaultdict(int, [("z", 26)]))
print(list(defaultdict(str, x="1").keys()))

# Nested defaultdicts: the autovivifying tree idiom and counters of lists.
from collections import defaultdict

def tree():
    return defaultdict(tree)

t = tree()
t["a"]["b"]["c"] = 1
t["a"]["x"] = 2
t["z"]

def plain(d):
    return {k: plain(v) if isinstance(v, dict) else v for k, v in d.items()}

print(plain(t))
g = defaultdict(lambda: defaultdict(int))
for a, b in [("x", "y"), ("x", "y"), ("x", "z"), ("w", "y")]:
    g[a][b] += 1
print({k: dict(v) for k, v in g.items()})

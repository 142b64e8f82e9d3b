# How often a dict calls a key's __hash__ and __eq__: once per insertion or lookup for
# __hash__ (never again when the dict grows or is copied), and __eq__ only against keys of
# the same hash. Keys of mixed kinds share a dict with user keys.
calls = {"hash": 0, "eq": 0}


class Key:
    def __init__(self, v, h=None):
        self.v = v
        self.h = v if h is None else h

    def __hash__(self):
        calls["hash"] += 1
        return self.h

    def __eq__(self, other):
        calls["eq"] += 1
        return isinstance(other, Key) and self.v == other.v

    def __repr__(self):
        return "Key(%d)" % self.v


def count(label, fn):
    calls["hash"] = calls["eq"] = 0
    r = fn()
    print(label, r, calls["hash"], calls["eq"])


keys = [Key(i) for i in range(40)]
d = {}
count("insert 40", lambda: [d.__setitem__(k, k.v) for k in keys] and len(d))
count("lookup 40", lambda: sum(d[k] for k in keys))
count("equal not same", lambda: d[Key(7)])
count("missing", lambda: Key(99) in d)
count("copy", lambda: len(dict(d)))
count("delete 20", lambda: [d.pop(k) for k in keys[::2]] and len(d))
count("regrow", lambda: [d.__setitem__(Key(100 + i), i) for i in range(40)] and len(d))
count("order", lambda: list(d)[:5])

# all keys in one hash bucket: each lookup compares with the keys before it
same = [Key(i, 5) for i in range(6)]
s = {}
count("collide insert", lambda: [s.__setitem__(k, 0) for k in same] and len(s))
count("collide lookup last", lambda: s[Key(5, 5)])
count("collide delete first", lambda: s.pop(Key(0, 5)))
count("collide after delete", lambda: list(s))

# a small dict of names and small ints, then a user key, then a str equal to a name
m = {"alpha": 1, 2: "two", "beta": 3}
count("mixed add", lambda: m.setdefault(Key(1), "k"))
count("mixed name", lambda: m["".join(["al", "pha"])])
count("mixed int", lambda: m[2])
count("mixed true", lambda: m.get(True, "none"))
del m["alpha"]
count("mixed after del", lambda: list(m.items()))
count("mixed float", lambda: m[2.0])

# a key whose hash raises: the dict stays as it was
class Bad:
    def __hash__(self):
        raise ValueError("no hash")


t = {1: 1, "a": 2}
try:
    t[Bad()] = 3
except ValueError as e:
    print("ValueError", e)
print(t)

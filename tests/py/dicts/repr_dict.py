# repr of dicts.
print({}, {1: 2}, {"a": "b"}, {(1, 2): [3]}, {None: True, 1.5: b"x"})
print(repr({"q": "it's"}), str({1: {2: {}}}))
d = {}
d[1] = d
print(d)

# Sets with mixed hashable types; numeric equality merges 1, 1.0 and True.
s = {1, 1.0, True}
print(len(s), s)
s = {0, False, 0.0, "0", b"0", (0,), None}
print(len(s), 0 in s, "0" in s, (0,) in s, None in s, frozenset() in s)

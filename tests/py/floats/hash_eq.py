# Integral floats hash and compare like ints, so they collide as dict keys.
print(hash(1.0) == hash(1), hash(-2.0) == hash(-2), hash(0.0) == hash(-0.0) == hash(0))
d = {1: "int"}
d[1.0] = "float"
print(d, len(d))
s = {2, 2.0, 3}
print(len(s), 2.0 in s)
print({0.0: "a", -0.0: "b"})
print(hash(2.0 ** 70) == hash(2 ** 70))

# Unpacking any iterable: strings, dicts, sets, generators, ranges.
a, b, c = "abc"
print(a, b, c)
k1, k2 = {"x": 1, "y": 2}
print(k1, k2)
s1, = {7}
print(s1)
g1, g2 = (i * i for i in range(2))
print(g1, g2)
r1, r2, r3 = range(3)
print(r1, r2, r3)
(k, v), = {"only": 1}.items()
print(k, v)
try:
    x, y = 5
except TypeError:
    print("TypeError: cannot unpack non-iterable int object")
try:
    x, y = "abc"
except ValueError:
    print("ValueError: too many values to unpack")

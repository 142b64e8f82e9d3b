# str(int) and repr(int) take a shortcut for small ints: edge values, signs, subclasses and
# the argument shapes str() accepts.
for v in [0, 1, -1, 9, -9, 10, -10, 99, 100, 12345, -12345, 2**30 - 1, -2**30, 2**31,
          -2**31, 2**62 - 1, -2**62, 2**63 - 1, -2**63, 2**64, -2**64, 10**30, -10**30,
          2**31 - 1, -2**31 - 1, 2**29, -2**29 - 1]:
    s = str(v)
    print(s, repr(v), len(s), s == repr(v), int(s) == v, f"{v}", "%s" % v, format(v))
print(str(True), str(False), repr(True), f"{True}")
print(str(5) == "5", str(-5), len(str(7)), str(7).isdigit())


class I(int):
    def __str__(self):
        return "I!"

    def __repr__(self):
        return "I?"


class J(int):
    pass


print(str(I(3)), repr(I(3)), f"{I(3)}", f"{I(3):}", format(I(3)), f"{I(3):3}", str(J(42)), repr(J(-42)), f"{J(7)}")
print(str(), str(object=12), str(b"ab", "ascii"), str(12) + str(34))


class S(str):
    pass


s = S("xy")
print(type(str(s)).__name__, str(s), type(str(12)).__name__)
try:
    str(12, "utf-8")
except TypeError as e:
    print("TypeError", e)
d = {str(i): i for i in range(-20, 20)}
print(sorted(d)[:5], d["-7"], d["13"], "".join(str(i) for i in range(15)))

# The conditional expression x if c else y.
for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")


def side(v):
    print("side", v)
    return v


r = side("a") if side(True) else side("b")
print(r)
r = side("a") if side(False) else side("b")
print(r)
f = (lambda x: x * 2) if r == "b" else (lambda x: x)
print(f(21))
print([x if x % 2 else -x for x in range(5)])

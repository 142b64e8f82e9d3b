# lambda expressions.
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
va = lambda *a, **k: (a, sorted(k.items()))
print(va(1, 2, x=3))
print((lambda: "no args")())
print(list(map(lambda t: t[1], [(1, "a"), (2, "b")])))
print(sorted([3, -4, 1, -2], key=lambda v: abs(v)))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
print(sq.__name__)
kw = lambda *, k: k * 2
print(kw(k=4))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])

# Lambdas capturing enclosing variables.
def multiplier(n):
    return lambda x: x * n


double = multiplier(2)
triple = multiplier(3)
print(double(5), triple(5))
ops = {name: (lambda k: lambda a: a + k)(k) for name, k in [("one", 1), ("ten", 10)]}
print(ops["one"](5), ops["ten"](5))


def curry(f):
    return lambda a: lambda b: f(a, b)


print(curry(lambda a, b: a - b)(10)(3))
y = 5
f = lambda: y
y = 6
print(f())

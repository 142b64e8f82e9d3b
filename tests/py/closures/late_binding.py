# Closures capture variables, not values: the classic loop late-binding trap.
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])

fs = [lambda: j for j in range(3)]
print([f() for f in fs])

fs = [lambda j=j: j for j in range(3)]
print([f() for f in fs])


def make(n):
    return lambda: n


fs = [make(k) for k in range(3)]
print([f() for f in fs])


def outer():
    x = 1
    f = lambda: x
    x = 2
    return f


print(outer()())

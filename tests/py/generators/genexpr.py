# Generator expressions are lazy, single-use iterators.
log = []


def tr(x):
    log.append(x)
    return x


g = (tr(x) * 2 for x in range(5))
print(log)
print(next(g), log)
print(list(g), log)
print(list(g))
g2 = (x for x in [1, 2, 3] if x != 2)
print(type(g2).__name__, sum(g2))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
gen_of_gen = (sum(x for x in range(n)) for n in range(5))
print(list(gen_of_gen))
data = [3, 1, 2]
g3 = (x for x in data)
data.append(9)
print(list(g3))
try:
    (1 / x for x in [1, 0])
    print("no error until iterated")
    list(1 / x for x in [1, 0])
except ZeroDivisionError:
    print("ZeroDivisionError when iterated")

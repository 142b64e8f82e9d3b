# The first iterable of a generator expression is evaluated immediately.
def make():
    print("first iterable evaluated")
    return [1, 2]


g = (x for x in make())
print("generator created")
print(list(g))
try:
    g2 = (x for x in 5)
except TypeError:
    print("TypeError at creation time")
n = 10
g3 = (x + n for x in range(2))
n = 20
print(list(g3))

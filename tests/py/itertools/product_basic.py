# itertools.product: cartesian products, repeat=, empty pools.
from itertools import product

print(list(product("ab", "xy")))
print(list(product(range(2), repeat=3)))
print(list(product("ab", [1, 2], repeat=2))[:6], len(list(product("ab", [1, 2], repeat=2))))
print(list(product()))
print(list(product(repeat=0)))
print(list(product("ab", repeat=0)))
print(list(product("ab", "")))
print(list(product("", "ab")))
print(list(product([1, 2, 3])))
print(list(product((x for x in "ab"), range(2))))
p = product("ab", repeat=2)
print(iter(p) is p, next(p), next(p), list(p), list(p))
print(sum(1 for _ in product(range(4), range(5), range(3))))

# lru_cache eviction: the least recently used entry goes first; maxsize 0/1/None.
from functools import lru_cache

log = []

@lru_cache(maxsize=3)
def f(x):
    log.append(x)
    return x

for x in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    f(x)
print(log, f.cache_info())

@lru_cache(maxsize=1)
def g(x):
    log.append(("g", x))
    return x

for x in [1, 1, 2, 1, 1]:
    g(x)
print(log[-3:], g.cache_info())

@lru_cache(maxsize=0)
def h(x):
    return x

h(1)
h(1)
print(h.cache_info())

@lru_cache(maxsize=None)
def u(x):
    return x

for i in range(300):
    u(i % 150)
print(u.cache_info())

@lru_cache(maxsize=-5)
def neg(x):
    return x

neg(1)
neg(1)
print(neg.cache_info())

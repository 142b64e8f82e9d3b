# lru_cache keys: positional and keyword calls differ; typed=True separates 1 and 1.0.
from functools import lru_cache

@lru_cache(maxsize=None)
def f(a, b=2):
    return a + b

f(1)
f(1, 2)
f(1, b=2)
f(a=1, b=2)
f(b=2, a=1)
f(1)
print(f.cache_info())

@lru_cache(maxsize=None)
def g(x):
    return type(x).__name__

print(g(1), g(1.0), g(True), g.cache_info())

@lru_cache(maxsize=None, typed=True)
def t(x):
    return type(x).__name__

print(t(1), t(1.0), t(True), t(1), t.cache_info(), t.cache_parameters())
try:
    f([1])
except TypeError:
    print("TypeError: unhashable")
print(f((1,), (2,)), f("a", "b"), f.cache_info().currsize)
for bad in ("x", 1.5):
    try:
        lru_cache(bad)
        print("ok")
    except TypeError:
        print("TypeError")

# functools.lru_cache: results are cached; cache_info counts hits and misses.
from functools import lru_cache

calls = []

@lru_cache(maxsize=32)
def square(x):
    calls.append(x)
    return x * x

print([square(i % 4) for i in range(10)], calls)
print(square.cache_info())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info))
square.cache_clear()
print(square.cache_info(), square(3), calls)
print(square.cache_parameters(), square.__name__, square.__wrapped__(5))

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())

@lru_cache()
def const():
    return [1]

print(const() is const(), const.cache_info())

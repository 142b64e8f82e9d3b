# functools.cache: an unbounded lru_cache.
from functools import cache

count = 0

@cache
def factorial(n):
    global count
    count += 1
    return n * factorial(n - 1) if n else 1

print(factorial(10), count, factorial(5), count, factorial(12), count)
print(factorial.cache_info(), factorial.cache_parameters())
factorial.cache_clear()
print(factorial(3), count)

@cache
def pair(a, *, b=0):
    return (a, b)

print(pair(1), pair(1, b=0), pair(1, b=2), pair.cache_info().currsize)

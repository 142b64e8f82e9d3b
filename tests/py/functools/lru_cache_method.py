# lru_cache on methods binds like a function; exceptions are not cached.
from functools import lru_cache

class Calc:
    def __init__(self, base):
        self.base = base

    @lru_cache(maxsize=16)
    def add(self, x):
        print("compute", self.base, x)
        return self.base + x

    def __hash__(self):
        return self.base

    def __eq__(self, other):
        return self.base == other.base

a, b = Calc(10), Calc(20)
print(a.add(1), a.add(1), b.add(1), Calc(10).add(1))
print(Calc.add.cache_info())
attempts = []

@lru_cache(maxsize=None)
def flaky(x):
    attempts.append(x)
    if len(attempts) < 2:
        raise ValueError("first time")
    return x

try:
    flaky(1)
except ValueError:
    print("ValueError")
print(flaky(1), flaky(1), attempts, flaky.cache_info())

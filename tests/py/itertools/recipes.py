# Recipes from the itertools documentation, built from the C iterators.
from itertools import (chain, islice, groupby, zip_longest, combinations, repeat, count,
                       cycle, starmap, filterfalse, tee)

def take(n, iterable):
    return list(islice(iterable, n))

def nth(iterable, n, default=None):
    return next(islice(iterable, n, None), default)

def all_equal(iterable):
    g = groupby(iterable)
    return next(g, True) and not next(g, False)

def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)

def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))

def unique_everseen(iterable, key=None):
    seen = set()
    for element in filterfalse(lambda e: e in seen, iterable) if key is None else iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element

def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle((lambda it=iter(x): next(it)) for x in iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))

def sliding_window(iterable, n):
    it = iter(iterable)
    window = tuple(islice(it, n - 1))
    for x in it:
        window = window[1:] + (x,)
        yield window

def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return list(filterfalse(pred, t1)), list(filter(pred, t2))

def flatten(list_of_lists):
    return list(chain.from_iterable(list_of_lists))

def tabulate(function, start=0):
    return map(function, count(start))

print(take(3, "abcdef"), nth(range(10), 3), nth("ab", 5, "none"))
print(all_equal("aaaa"), all_equal("aab"), all_equal(""))
print(list(grouper("ABCDEFG", 3, "x")))
print(list(powerset([1, 2, 3])))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(list(roundrobin("ABC", "D", "EF")))
print(list(sliding_window("ABCDEFG", 4)))
print(partition(lambda x: x % 2, range(10)))
print(flatten([[1, 2], [], [3]]))
print(take(4, tabulate(lambda x: x * x, 2)))
print(list(starmap(pow, zip(range(4), repeat(3)))))

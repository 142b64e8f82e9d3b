# iter() and next(), with defaults and the two-argument iter(callable, sentinel).
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(iter(it) is it)
counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


print(list(iter(tick, 4)))
try:
    iter(5)
except TypeError:
    print("TypeError: int is not iterable")
try:
    next([1])
except TypeError:
    print("TypeError: list is not an iterator")
d_it = iter({"a": 1, "b": 2})
print(next(d_it), list(d_it))
print(list(iter(range(3))), list(iter("ab")))

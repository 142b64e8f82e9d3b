# StopIteration from next(), its value, and default for next().
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
print(next(it, "default"))


def gen():
    yield 1
    return "result"


g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)
try:
    next(iter({}))
except StopIteration:
    print("empty dict iterator")

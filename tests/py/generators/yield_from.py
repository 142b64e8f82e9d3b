# yield from delegates to a sub-iterator and returns its return value.
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"


def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-done"


g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration:
    print("finished")


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(2), (x * 10 for x in range(2)))))


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

# Generator local state survives across yields; exceptions finish the generator.
def stateful():
    acc = []
    for ch in "abc":
        acc.append(ch)
        yield "".join(acc)


print(list(stateful()))


def failing():
    yield 1
    raise ValueError("boom")


g = failing()
print(next(g))
try:
    next(g)
except ValueError:
    print("ValueError")
print(next(g, "exhausted after error"))


def running():
    g = yield
    try:
        next(g)
    except ValueError as e:
        yield type(e).__name__


r = running()
next(r)
print(r.send(r))

# throw() and close() are forwarded through yield from to the inner generator.
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "inner-handled"
    finally:
        print("inner finally")


def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")


g = outer()
print(next(g))
print(g.throw(ValueError("v")))
g.close()
print("--")
g = outer()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError:
    print("KeyError propagated through both")


def returner():
    yield
    return 5


def collector():
    results = []
    for _ in range(3):
        r = yield from returner()
        results.append(r)
    return results


c = collector()
try:
    while True:
        next(c)
except StopIteration as e:
    print("collected", e.value)

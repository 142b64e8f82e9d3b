# A StopIteration escaping a generator body becomes RuntimeError (PEP 479).
def bad():
    yield 1
    raise StopIteration("leaked")


g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", type(e.__cause__).__name__)


def uses_next(it):
    while True:
        yield next(it)


try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError:
    print("RuntimeError from next() inside generator")


def safe(it):
    for x in it:
        yield x


print(list(safe(iter([1, 2]))))

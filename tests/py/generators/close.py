# generator.close() raises GeneratorExit inside; finally blocks run.
def worker():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("finally")


g = worker()
print(next(g))
g.close()
g.close()
try:
    next(g)
except StopIteration:
    print("closed generator raises StopIteration")
unstarted = worker()
unstarted.close()
print("closing an unstarted generator runs nothing")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError:
    print("RuntimeError: generator ignored GeneratorExit")


def finished():
    yield 1


f = finished()
list(f)
f.close()
print("close of finished generator is fine")

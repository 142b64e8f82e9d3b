# generator.throw() raises an exception at the paused yield.
def guarded():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("generator handled", e)
            yield "recovered"


g = guarded()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
try:
    g.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated", e)
try:
    next(g)
except StopIteration:
    print("generator is finished")


def fresh():
    yield 1


try:
    fresh().throw(IndexError("at start"))
except IndexError as e:
    print("thrown into unstarted generator:", e)


def returns_on_throw():
    try:
        yield 1
    except ValueError:
        return "done"


g = returns_on_throw()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration value", e.value)

# A generator's finally runs when it finishes or is closed explicitly (not relying on
# reference counting: rtpy has a tracing GC, so an abandoned generator is not closed at once).
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")


for v in gen():
    print(v)
print("after loop")
g = gen()
print(next(g))
g.close()
print("closed")


def raising():
    try:
        yield 1
        raise ValueError("in gen")
    except ValueError as e:
        yield "handled " + str(e)


print(list(raising()))

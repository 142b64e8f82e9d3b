# Recursive generators (yield from) and unbounded recursion inside a generator.
def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield "node%d" % depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)


print(list(tree(2)))
print(len(list(tree(8))))


def runaway(n):
    yield from runaway(n + 1)


try:
    list(runaway(0))
except RecursionError:
    print("RecursionError in generator")

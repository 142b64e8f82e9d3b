# Closures that capture mutable objects and rebind them.
def make_stack():
    items = []

    def push(x):
        items.append(x)

    def pop():
        return items.pop()

    def reset():
        nonlocal items
        items = []

    def size():
        return len(items)
    return push, pop, reset, size


push, pop, reset, size = make_stack()
push(1)
push(2)
print(size(), pop(), size())
reset()
print(size())
push("x")
print(pop())


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@memoize
def square(n):
    print("computing", n)
    return n * n


print(square(4), square(4), square(5), sorted(square.cache))

# Closures in generators and generators in closures.
def make_gen(limit):
    def gen():
        n = 0
        while n < limit:
            yield n
            n += 1
    return gen


g = make_gen(4)
print(list(g()), list(g()))


def counter_gen():
    total = 0

    def add(v):
        nonlocal total
        total += v
    for i in range(5):
        add(i)
        yield total


print(list(counter_gen()))


def outer():
    base = 10
    return (base + i for i in range(3))


print(list(outer()))

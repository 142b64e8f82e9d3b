# Closures, generators and bound methods survive collections while referenced.
import gc


def make(n):
    data = list(range(n))

    def total():
        return sum(data)
    return total


fns = [make(i) for i in range(50)]
gc.collect()
print(sum(f() for f in fns))


def gen():
    buf = [1, 2, 3]
    while True:
        yield sum(buf)
        buf.append(len(buf) + 1)


g = gen()
next(g)
gc.collect()
print(next(g), next(g))


class K:
    def __init__(self):
        self.v = 9

    def get(self):
        return self.v


m = K().get
gc.collect()
print(m())

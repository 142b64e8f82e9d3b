# itertools.tee: independent iterators over one input read once.
from itertools import tee, count, islice

a, b = tee([1, 2, 3])
print(list(a), list(b))
a, b = tee(range(5))
print(next(a), next(a), next(b), list(b), list(a))

def gen():
    for i in range(3):
        print("read", i)
        yield i

x, y, z = tee(gen(), 3)
print(next(x), next(x), next(y), next(z))
print(list(x), list(y), list(z))
print(tee("abc", 0), len(tee("abc", 1)), list(tee("abc", 1)[0]))
a, b = tee(count())
print(list(islice(a, 3)), list(islice(b, 5)), next(a))
a, b = tee("xy")
c, d = tee(a)
print(list(c), list(d), list(b), list(a))
a, b = tee([])
print(list(a), list(b))
a, b = tee("abc")
print(iter(a) is a, type(a) is type(b))

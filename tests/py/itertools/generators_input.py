# itertools read generator inputs lazily, in the order CPython does.
from itertools import chain, islice, zip_longest, product, compress, starmap, accumulate

def g(name, n):
    for i in range(n):
        print(name, i)
        yield i

print("chain", list(chain(g("a", 2), g("b", 1))))
print("zip_longest", list(zip_longest(g("a", 2), g("b", 1))))
print("islice", list(islice(g("a", 5), 1, 3)))
print("compress", list(compress(g("d", 3), g("s", 2))))
print("accumulate", list(accumulate(g("x", 3))))
print("starmap", list(starmap(lambda a, b: a + b, zip(g("p", 2), g("q", 3)))))
print("product")
p = product(g("a", 2), g("b", 2))
print("made")
print(list(p))

# itertools.chain and chain.from_iterable: order, laziness, empty inputs.
from itertools import chain

print(list(chain()))
print(list(chain("ab", [1, 2], (), range(2), {"k": 0})))
print(list(chain([], [], [3])))
print(list(chain.from_iterable(["ab", "", "cd"])))
print(list(chain.from_iterable([])))
print(list(chain.from_iterable([[1], [2, [3]]])))

def source():
    for i in range(3):
        print("make", i)
        yield range(i)

c = chain.from_iterable(source())
print("created")
print(list(c))
c = chain([1], [2])
print(iter(c) is c, next(c), next(c), list(c), list(c))
print(type(chain.from_iterable([])).__name__)
print(sum(chain(range(10), range(5))))

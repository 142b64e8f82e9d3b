# Functions taking and returning functions.
def twice(f):
    return lambda x: f(f(x))


def add(n):
    def adder(x):
        return x + n
    return adder


print(twice(add(3))(10))
print(twice(twice(add(1)))(0))
pipeline = [add(1), lambda x: x * 10, str, len]
v = 41
for step in pipeline:
    v = step(v)
print(v)


def reduce(fn, seq, init):
    acc = init
    for x in seq:
        acc = fn(acc, x)
    return acc


print(reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda a, b: b + a, "abc", ""))
print(list(map(add(100), [1, 2])))
print(list(filter(None, [0, 1, "", "a", None, []])))

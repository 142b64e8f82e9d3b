# Infinite iterators cut by islice, takewhile and zip.
from itertools import count, cycle, repeat, islice, takewhile, accumulate

print(list(islice(count(), 0, 20, 7)))
print(list(islice(cycle("ab"), 1, 6)))
print(list(islice(repeat(1), 3)))
print(list(takewhile(lambda x: x < 40, (i * i for i in count()))))
print(list(zip(count(1), "abc")))
print(list(islice(accumulate(count(1)), 6)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(list(islice(fib(), 10, 15)))
print(next(islice(count(), 10**6, None)))

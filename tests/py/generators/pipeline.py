# Generators chained into a data pipeline.
def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


print(list(squares(evens(numbers(20)))))
print(list(take(3, squares(evens(numbers(10 ** 9))))))


def running_sum(it):
    total = 0
    for x in it:
        total += x
        yield total


print(list(running_sum(range(1, 11))))

# Generators: pipelines of generator functions and expressions, send() and yield from.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def scaled(it, k):
    for x in it:
        yield x * k


def chain(*its):
    for it in its:
        yield from it


def averager():
    total = 0
    n = 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total // n


s1 = sum(scaled(evens(count(1400000)), 3))
s2 = sum(x for x in range(700000) if x % 3)
s3 = sum(chain(count(210000), count(140000), (i * i for i in range(70000))))
avg = averager()
next(avg)
last = 0
for i in range(350000):
    last = avg.send(i)
print(s1, s2, s3, last, list(zip(count(3), "abc")))

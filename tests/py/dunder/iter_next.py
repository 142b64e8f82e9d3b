# __iter__ and __next__: a custom iterator class and an iterable returning a generator.
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
for x in Countdown(2):
    print("for", x)


class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            yield i * 2


r = Range2(3)
print(list(r), list(r), sum(r), 4 in r, 5 in r)
a, b, c = Range2(3)
print(a, b, c)
print(sorted(Range2(4), reverse=True), max(Range2(4)))
print(dict(zip(Range2(2), "ab")))

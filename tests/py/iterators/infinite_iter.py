# Custom infinite iterators consumed with zip, break and next.
class Count:
    def __init__(self, start=0, step=1):
        self.v = start
        self.step = step

    def __iter__(self):
        return self

    def __next__(self):
        v = self.v
        self.v += self.step
        return v


print(list(zip(Count(), "abc")))
print(list(zip(Count(10, -3), range(4))))
c = Count(1)
squares = []
for v in c:
    if v * v > 50:
        break
    squares.append(v * v)
print(squares, next(c))


class Cycle:
    def __init__(self, items):
        self.items = items
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        v = self.items[self.i % len(self.items)]
        self.i += 1
        return v


cy = Cycle("xyz")
print([next(cy) for _ in range(7)])

# A return in a generator stops it; the value goes into StopIteration.value.
def g(n):
    for i in range(n):
        if i == 2:
            return "stopped at 2"
        yield i


gen = g(5)
values = []
while True:
    try:
        values.append(next(gen))
    except StopIteration as e:
        print(values, e.value)
        break
print(list(g(10)), list(g(1)))


def empty():
    return
    yield


print(list(empty()), type(empty()).__name__)

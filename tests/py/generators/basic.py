# A generator function produces values lazily.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")


g = count_up(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(g))
for v in count_up(2):
    print("loop", v)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(12)])
print(iter(f) is f)

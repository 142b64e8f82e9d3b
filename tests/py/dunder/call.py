# __call__ makes instances callable.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2])))


class CallCounter:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)


@CallCounter
def mul(a, b):
    return a * b


print(mul(2, 3), mul(4, 5), mul.calls)
five = 5
try:
    five()
except TypeError:
    print("TypeError")

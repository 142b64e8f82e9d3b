# yield used as an expression in various positions.
def g():
    x = yield 1
    print("x =", x)
    y = (yield 2) + 10
    print("y =", y)
    lst = [(yield 3), (yield 4)]
    print("lst =", lst)
    yield


gen = g()
print(next(gen))
print(gen.send("hello"))
print(gen.send(5))
print(gen.send("a"))
gen.send("b")


def bare():
    v = yield
    yield v


b = bare()
print(next(b), b.send("sent"))

# Decorators keeping state: call counting, memoisation, registration.
def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper


@counted
def f(x):
    return x + 1


for i in range(5):
    f(i)
print(f.calls)


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(90))
handlers = []


def on_event(fn):
    handlers.append(fn)
    return fn


@on_event
def h1(e):
    return "h1:" + e


@on_event
def h2(e):
    return "h2:" + e


print([h("go") for h in handlers], h1("direct"))

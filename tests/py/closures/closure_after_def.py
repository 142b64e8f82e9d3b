# A closure sees variables assigned after the inner function is defined.
def f():
    def g():
        return y * 2
    y = 21
    return g()


print(f())


def h():
    def g():
        return z
    try:
        return g()
    except NameError as e:
        return type(e).__name__
    z = 1


print(h())


def fib_memo():
    memo = {}

    def fib(n):
        if n < 2:
            return n
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib


fib = fib_memo()
print(fib(80))

# After a RecursionError the stack unwinds fully; finally blocks run and state is sane.
cleanups = 0


def rec(n):
    global cleanups
    try:
        return rec(n + 1)
    finally:
        cleanups += 1


try:
    rec(0)
except RecursionError:
    print("RecursionError")
print(cleanups > 10)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20))

# Generators driven by a for loop run in the caller's VM loop: yields, returns, exceptions
# in and out of them, the handled exception, close(), re-entry and mixing with next().
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def helper(a, b):
    return a * 10 + b


# a generator that handles an exception itself while its caller has frames of its own
def handles_inside(n):
    for i in range(n):
        try:
            if i % 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield -e.args[0]


def caller():
    x, y = 3, 4
    out = []
    for v in handles_inside(6):
        out.append(helper(v, x) + y)  # calls after the generator's handler ran
    return out, x, y


print(caller())


# an exception leaving the generator reaches the for loop's caller
def fails_after(n):
    yield from count(n)
    raise KeyError("boom")


def consume():
    got = []
    try:
        for v in fails_after(3):
            got.append(v)
    except KeyError as e:
        got.append(repr(e))
    return got


print(consume())

# StopIteration raised inside a generator becomes RuntimeError
def bad():
    yield 1
    raise StopIteration("x")


try:
    for v in bad():
        print("bad yields", v)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


# the handled exception inside and outside a generator
def in_except():
    try:
        raise TypeError("inner")
    except TypeError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


try:
    raise OSError("outer")
except OSError:
    for v in in_except():
        print("gen sees", v, "caller sees", sys.exc_info()[0].__name__)
print("after", sys.exc_info()[0])


# break, then close(): finally runs once
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


g = with_finally()
for v in g:
    print("got", v)
    break
g.close()
print("closed")

# partly by for, then next(), then for again; the return value goes to StopIteration
g = count(6)
for v in g:
    if v == 1:
        break
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
for v in g:
    print("never")


# a generator that advances itself while running
def selfish():
    yield 1
    yield next(me)


me = selfish()
try:
    for v in me:
        print("selfish", v)
except ValueError as e:
    print("ValueError:", e)


# nested pipelines and recursion through yield from
def tree(d):
    if d == 0:
        yield 1
        return
    for v in tree(d - 1):
        yield v
    yield from tree(d - 1)


print(sum(1 for _ in tree(10)), sum(tree(12)))


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def scaled(it, k):
    for x in it:
        yield x * k


print(list(scaled(evens(count(20)), 3)))
total = 0
for v in scaled(evens(count(1000)), 2):
    total += v
print(total)


# deep recursion of generators hits RecursionError cleanly and the program goes on
def deep(n):
    for v in deep(n + 1):
        yield v
    yield n


try:
    for v in deep(0):
        pass
except RecursionError:
    print("RecursionError")
print(sum(count(10)))


# an exception thrown into a generator suspended in a for-driven loop
def catcher():
    while True:
        try:
            yield "ready"
        except ZeroDivisionError:
            print("caught inside")


g = catcher()
for v in g:
    print(v, g.throw(ZeroDivisionError))
    break
g.close()

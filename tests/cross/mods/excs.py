"""Exceptions: try/except/else/finally, with, raise from, and an uncaught exception whose
traceback must show this file and the right lines."""


class Resource:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")
        return self

    def __exit__(self, et, ev, tb):
        self.log.append("exit %s" % (et.__name__ if et else None))
        return et is KeyError


def flow(x):
    log = []
    try:
        with Resource(log):
            if x == 1:
                raise KeyError(x)
            if x == 2:
                raise ValueError(x)
            log.append("body")
    except ValueError as e:
        log.append("caught %r" % e)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


for x in range(3):
    print(flow(x))

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)


def level3(n):
    if n > 2:
        raise ValueError("too deep: %d" % n)
    return level3(n + 1)


def level2():
    return [level3(0) for _ in range(1)]


def level1():
    return level2()


level1()

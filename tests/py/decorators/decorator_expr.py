# Any expression can be a decorator (PEP 614).
decorators = {"up": lambda fn: lambda: fn().upper()}


class NS:
    @staticmethod
    def wrap(fn):
        return lambda: "[" + fn() + "]"


@decorators["up"]
def a():
    return "a"


@NS.wrap
def b():
    return "b"


@(lambda fn: lambda: fn() * 2)
def c():
    return "c"


print(a(), b(), c())

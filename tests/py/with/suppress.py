# __exit__ returning a true value suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        if typ is not None and issubclass(typ, self.types):
            print("suppressed", typ.__name__, val)
            return True
        return False


with Suppress(ValueError):
    raise ValueError("v")
print("continued after suppressed ValueError")
with Suppress(LookupError):
    {}["k"]
print("KeyError suppressed as LookupError")
try:
    with Suppress(ValueError):
        raise TypeError("t")
except TypeError as e:
    print("not suppressed:", e)


def f():
    for i in range(3):
        with Suppress(ZeroDivisionError):
            if i == 1:
                raise ZeroDivisionError("mine")
            print("iteration", i)
    return "done"


print(f())

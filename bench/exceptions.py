# Exceptions raised and caught in a loop: built-in and user classes, finally, re-raise, with.
class AppError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


class Guard:
    entered = 0

    def __enter__(self):
        Guard.entered += 1
        return self

    def __exit__(self, t, v, tb):
        return t is KeyError


def check(i):
    if i % 5 == 0:
        raise AppError(i)
    if i % 7 == 0:
        raise ValueError(i)
    return i


caught = codes = finals = 0
for i in range(150000):
    try:
        check(i)
    except AppError as e:
        codes += e.code
    except ValueError:
        caught += 1
    finally:
        finals += 1
d = {}
misses = 0
for i in range(100000):
    try:
        d[i % 100]
    except KeyError:
        misses += 1
        d[i % 100] = i
    with Guard():
        if i % 3 == 0:
            raise KeyError(i)
nested = 0
for i in range(50000):
    try:
        try:
            int("x%d" % i)
        except ValueError as e:
            raise RuntimeError("wrapped") from e
    except RuntimeError as e:
        nested += e.__cause__ is not None
print(caught, codes, finals, misses, Guard.entered, nested)

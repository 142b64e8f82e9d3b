# Bare raise re-raises the exception being handled.
def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling")
        raise


try:
    f()
except ValueError as e:
    print("re-raised", e)


def g():
    try:
        raise KeyError("a")
    except KeyError as e:
        err = e
    raise err


try:
    g()
except KeyError as e:
    print("raised again", e)
try:
    raise
except RuntimeError:
    print("RuntimeError: no active exception")


def h():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
        raise


try:
    h()
except ZeroDivisionError:
    print("outer exception restored")

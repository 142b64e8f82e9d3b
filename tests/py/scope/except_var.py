# The "as" target of an except clause is deleted at the end of the clause.
e = "before"
try:
    raise ValueError("boom")
except ValueError as e:
    print("caught", e)
try:
    print(e)
except NameError:
    print("e was deleted")


def f():
    err = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        err = exc
    return type(err).__name__


print(f())

# Unsupported operations on user objects raise TypeError.
class Empty:
    pass


e = Empty()


def setitem():
    e[0] = 1


def delitem():
    del e[0]


ops = [
    ("+", lambda: e + 1),
    ("r+", lambda: 1 + e),
    ("-unary", lambda: -e),
    ("[]", lambda: e[0]),
    ("[]=", setitem),
    ("del []", delitem),
    ("len", lambda: len(e)),
    ("iter", lambda: iter(e)),
    ("call", lambda: e()),
    ("<", lambda: e < e),
    ("in", lambda: 1 in e),
]
for name, op in ops:
    try:
        op()
        print(name, "ok")
    except (TypeError, AttributeError) as ex:
        print(name, type(ex).__name__)

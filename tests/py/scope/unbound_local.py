# Assigning to a name anywhere in a function makes it local there.
x = 10


def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, isinstance(e, NameError))
    x = 5
    return x


print(f())


def g():
    print(x)


g()


def h():
    for x in range(2):
        pass
    return x


print(h(), x)


def k():
    try:
        del x
    except (UnboundLocalError, NameError) as e:
        print(type(e).__name__)


k()

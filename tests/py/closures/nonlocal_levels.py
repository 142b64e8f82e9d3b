# nonlocal reaches the nearest enclosing function scope that binds the name.
def a():
    x = "a"

    def b():
        x = "b"

        def c():
            nonlocal x
            x = "c-set"
        c()
        return x
    r = b()
    return x, r


print(a())


def outer():
    v = 0

    def mid():
        def inner():
            nonlocal v
            v += 10
        inner()
        inner()
    mid()
    return v


print(outer())


def two_vars():
    p, q = 1, 2

    def swap():
        nonlocal p, q
        p, q = q, p
    swap()
    return p, q


print(two_vars())

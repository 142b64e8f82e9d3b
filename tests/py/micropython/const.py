# Checks: micropython.const: NAME = const(expr) at module level is folded at compile time (and
# still defined as a global), const() of any value returns it, and expressions of consts.
try:
    import micropython
    from micropython import const
except ImportError:
    print("SKIP")
    raise SystemExit

X = const(10)
Y = const(X * 4 + 2)
_PRIVATE = const(0x20)
print(X, Y, _PRIVATE, X + Y)


def f():
    return Y // X


print(f(), const("text"), const((1, 2)))
print(micropython.const(3.5))

# micropython.const: `NAME = const(expr)` at module level is folded at compile time.
# rtpy differs from CPython on purpose here (CPython has no micropython module): a name
# starting with '_' is not stored in the module, and a non-constant argument is a SyntaxError.
from micropython import const

A = const(10)
_B = const(A * 2 + 1)
C = const(-A)
S = const("hi")
print(A, _B, C, S)


def f():
    return A + _B  # both folded: no global lookups


print(f())
print("A" in globals(), "_B" in globals())


class K:
    A = 5  # a class attribute shadows the const inside the class body
    x = A


print(K.x, K.A)


def g(A):  # so does a parameter
    return A


print(g(3))
print(const(7))  # called anywhere else, const is the identity
for src in ("X = const(len('a'))", "X = const([1])"):
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError")
# a const is read-only at compile time; rebinding the global changes only later lookups
A = 99
print(f(), globals()["A"])

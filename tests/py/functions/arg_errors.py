# Argument binding errors raise TypeError.
def f(a, b):
    return a + b


cases = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, 2, a=3),
    lambda: f(b=1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: (lambda: 0)(1),
    lambda: (lambda *, k: 0)(),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except TypeError:
        print(i, "TypeError")
print(f(b=1, a=2))

# Function objects: __name__, __doc__, custom attributes, first-class use.
def greet(name):
    """Say hello."""
    return "hello " + name


print(greet.__name__, greet.__doc__)
greet.count = 0
greet.count += 1
print(greet.count)
alias = greet
print(alias("bob"), alias is greet, alias.__name__)
funcs = {"g": greet, "u": str.upper}
print(funcs["g"]("x"), funcs["u"]("x"))
print(callable(greet), type(greet).__name__)


def apply(fn, *a):
    return fn(*a)


print(apply(greet, "ann"), apply(max, 3, 7))
print([f.__name__ for f in (greet, apply, len)])

# Function decorators wrap and replace the decorated function.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper


@shout
def greet(name):
    return "hello " + name


print(greet("bob"))


def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, sorted(k.items()))
        r = fn(*a, **k)
        print("ret", r)
        return r
    return wrapper


@trace
def add(a, b=0):
    return a + b


add(1, b=2)
add(3)
print(add.__name__)

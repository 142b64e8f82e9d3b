# functools.wraps copies the name, docstring and qualname, and links __wrapped__.
from functools import wraps

def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kw):
        print("calling", fn.__name__)
        return fn(*args, **kw)
    return wrapper

@logged
def add(a, b):
    "Add two numbers."
    return a + b

print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__(3, 4))
print(add.__qualname__, add.__module__)

def plain():
    pass

@wraps(plain)
def other():
    "other doc"
print(other.__name__, other.__doc__)

class C:
    @logged
    def method(self, x):
        return x * 2

print(C().method(4), C.method.__name__, C.method.__qualname__)
fn = lambda: 0
fn.custom = "attr"
w = wraps(fn)(lambda: 1)
print(w.custom, w(), w.__wrapped__())

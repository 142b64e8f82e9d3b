"""Helper module for the import tests (not a test itself)."""
print("executing _helper, __name__ =", __name__)

CONST = 42
_private = "hidden"
items = []


def func(x):
    return x * CONST


class Thing:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Thing(%r)" % self.v


def add_item(v):
    items.append(v)
    return len(items)

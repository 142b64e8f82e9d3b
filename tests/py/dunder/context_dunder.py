# __enter__ and __exit__ as plain dunders: arguments and return values.
class Ctx:
    def __init__(self, suppress):
        self.suppress = suppress

    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, typ, val, tb):
        print("exit", typ.__name__ if typ else None, val, tb is not None)
        return self.suppress


with Ctx(False) as c:
    print("body", c.suppress)
with Ctx(True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with Ctx(False):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)

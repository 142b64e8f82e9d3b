# __exit__ gets the exception details; errors in __enter__ skip the body and __exit__.
class Watch:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        self.seen = (typ.__name__ if typ else None, str(val) if val else None)
        return False


w = Watch()
try:
    with w:
        raise KeyError("key")
except KeyError:
    pass
print(w.seen)
with w:
    pass
print(w.seen)


class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("exit must not run")


try:
    with BadEnter():
        print("body must not run")
except RuntimeError as e:
    print("caught", e)


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise ValueError("exit failed")


try:
    with BadExit():
        raise KeyError("original")
except ValueError as e:
    print("exit error replaces:", e, type(e.__context__).__name__)

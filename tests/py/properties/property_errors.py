# An exception raised inside a getter propagates; AttributeError in getter with __getattr__.
class Broken:
    @property
    def bad(self):
        raise KeyError("inner")

    @property
    def fine(self):
        return "fine"


b = Broken()
try:
    b.bad
except KeyError as e:
    print("KeyError", e)
print(b.fine, hasattr(b, "fine"))
try:
    hasattr(b, "bad")
except KeyError:
    print("hasattr propagates KeyError")


class WithFallback:
    @property
    def x(self):
        raise AttributeError("no x")

    def __getattr__(self, name):
        return "fallback for " + name


print(WithFallback().x)

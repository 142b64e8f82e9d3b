# __getattr__ is only called when normal lookup fails.
class Proxy:
    def __init__(self, target):
        self.target = target
        self.misses = []

    def __getattr__(self, name):
        self.misses.append(name)
        return getattr(self.target, name)


p = Proxy([3, 1, 2])
p.append(0)
print(p.target, p.misses)
print(p.count(1), p.misses)


class Dynamic:
    real = "real"

    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(name)


d = Dynamic()
print(d.real, d.x_hello, getattr(d, "x_abc"), hasattr(d, "x_q"), hasattr(d, "nope"))
print(getattr(d, "nope", "default"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError", e)

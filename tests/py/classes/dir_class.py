# dir() of a user class and instance, without the dunder names.
class Base:
    base_attr = 1

    def base_method(self):
        pass


class Thing(Base):
    cls_attr = 2

    def __init__(self):
        self.inst_attr = 3
        self._private = 4

    def method(self):
        pass

    @property
    def prop(self):
        return 5


def public(names):
    return [n for n in names if not n.startswith("__")]


print(public(sorted(dir(Thing))))
print(public(sorted(dir(Thing()))))
print(public(sorted(dir(Base))))
t = Thing()
t.extra = 1
print("extra" in dir(t), "extra" in dir(Thing))

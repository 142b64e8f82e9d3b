# Class-level state updated through the class from instances.
class Widget:
    created = 0
    registry = {}

    def __init__(self, name):
        Widget.created += 1
        self.id = Widget.created
        Widget.registry[name] = self

    @classmethod
    def get(cls, name):
        return cls.registry.get(name)


for n in ["a", "b", "c"]:
    Widget(n)
print(Widget.created, Widget.get("b").id, Widget.get("z"))
print(list(Widget.registry))
w = Widget("d")
w.created = "shadow"
print(Widget.created, w.created)

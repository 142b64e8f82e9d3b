# Decorators applied to classes.
registry = {}


def register(cls):
    registry[cls.__name__] = cls
    return cls


def add_method(cls):
    def describe(self):
        return "I am " + type(self).__name__
    cls.describe = describe
    return cls


@register
@add_method
class Widget:
    pass


@register
class Gadget(Widget):
    pass


print(sorted(registry), Widget().describe(), Gadget().describe())


def singleton(cls):
    instances = {}

    def get():
        if cls not in instances:
            instances[cls] = cls()
        return instances[cls]
    return get


@singleton
class Config:
    def __init__(self):
        print("Config created")


a = Config()
b = Config()
print(a is b)

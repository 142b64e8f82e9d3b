# __setattr__ and __delattr__ intercept assignment; object.__setattr__ stores.
class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append(("set", name, value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)


r = Recorder()
r.a = 1
r.b = "x"
del r.a
print(r.log)
print(hasattr(r, "a"), r.b)


class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError("frozen")


f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError", e, f.v)

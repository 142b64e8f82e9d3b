# __eq__ and __hash__ decide dict and set membership.
class Key:
    def __init__(self, name):
        self.name = name

    def __eq__(self, o):
        return isinstance(o, Key) and self.name.lower() == o.name.lower()

    def __hash__(self):
        return hash(len(self.name))

    def __repr__(self):
        return "Key(%r)" % self.name


d = {Key("abc"): 1}
d[Key("ABC")] = 2
d[Key("xyz")] = 3
print(len(d), d[Key("aBc")], d)
s = {Key("a"), Key("A"), Key("b")}
print(len(s))
print(Key("Q") in {Key("q")}, Key("Q") in [Key("q")])


class NoHash:
    def __eq__(self, o):
        return True


print(NoHash.__hash__ is None)
try:
    {NoHash()}
except TypeError:
    print("TypeError: unhashable")


class HashOnly:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 1


print(len({HashOnly(1), HashOnly(1)}))


class Collide:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 7

    def __eq__(self, o):
        return self.v == o.v


many = {Collide(i): i for i in range(20)}
print(len(many), many[Collide(13)])
print(hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b", True: "c"})

# Rich comparison dunders, reflection and the fallback for == and !=.
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

    def __eq__(self, o):
        return isinstance(o, Version) and self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts

    def __le__(self, o):
        return self.parts <= o.parts

    def __hash__(self):
        return hash(self.parts)


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a == b, a != b)
print(a > b, a >= b)
print(b > a, b >= a)
print(sorted([Version(2), Version(1, 5), Version(1)]))
print(max(a, b), min(a, b))
print(a == Version(1, 2), a != Version(1, 2), a == "v1.2")


class Only:
    pass


try:
    Only() < Only()
except TypeError:
    print("TypeError for <")
o = Only()
print(o == o, o != o, o == Only())


class NE:
    def __eq__(self, other):
        return True


print(NE() != 1, NE() == 1, 1 == NE())


class Gt:
    def __gt__(self, other):
        print("Gt.__gt__ called")
        return True


print(1 < Gt())

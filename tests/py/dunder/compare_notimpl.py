# NotImplemented from comparison methods: reflected attempt, then identity / TypeError.
class A:
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented

    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented


class B:
    def __eq__(self, o):
        print("B.__eq__")
        return NotImplemented

    def __gt__(self, o):
        print("B.__gt__")
        return "B says greater"


a, b = A(), B()
print(a == b)
print(a != b)
print(a < b)
print(a == a)
try:
    a < a
except TypeError:
    print("TypeError")
print(NotImplemented is NotImplemented, type(NotImplemented).__name__)

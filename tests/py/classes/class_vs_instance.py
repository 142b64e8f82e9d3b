# Class attributes are shared; instance attributes shadow them.
class Dog:
    kind = "canine"
    tricks = []

    def __init__(self, name):
        self.name = name

    def add_trick(self, t):
        self.tricks.append(t)


a = Dog("rex")
b = Dog("fido")
print(a.kind, b.kind)
a.kind = "wolf"
print(a.kind, b.kind, Dog.kind)
Dog.kind = "dog"
print(a.kind, b.kind)
a.add_trick("roll")
b.add_trick("sit")
print(Dog.tricks, a.tricks is b.tricks)
del a.kind
print(a.kind)
Dog.legs = 4
print(b.legs)
print(sorted(k for k in a.__dict__))

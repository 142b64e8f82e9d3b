# Single inheritance: overriding, extending and attribute lookup through the base.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " says " + self.sound

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog, an " + super().kind()


class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + " jr")


for a in (Animal("x"), Dog("rex"), Puppy("rex")):
    print(a.speak(), "|", a.kind())
print(isinstance(Puppy("p"), Animal), issubclass(Puppy, Dog), issubclass(Animal, Dog))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__)

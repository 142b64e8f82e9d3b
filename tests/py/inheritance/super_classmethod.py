# super() inside classmethods and staticmethods called through subclasses.
class Base:
    @classmethod
    def create(cls):
        return cls.__name__ + " created by Base"

    @staticmethod
    def helper(x):
        return x + 1


class Child(Base):
    @classmethod
    def create(cls):
        return "Child wraps: " + super().create()

    @staticmethod
    def helper(x):
        return Base.helper(x) * 10


print(Base.create())
print(Child.create())
print(Child().create())
print(Child.helper(1), Base.helper(1))

# Attribute lookup: instance, then class, then bases in MRO order.
class Base:
    a = "Base.a"
    b = "Base.b"

    def m(self):
        return "Base.m"

    def call_m(self):
        return self.m()


class Derived(Base):
    b = "Derived.b"

    def m(self):
        return "Derived.m"


d = Derived()
print(d.a, d.b, d.m(), d.call_m())
d.b = "instance.b"
print(d.b, Derived.b, Base.b)
Base.a = "Base.a2"
print(d.a)
Base.new = "added later"
print(d.new)
print(Base().call_m())

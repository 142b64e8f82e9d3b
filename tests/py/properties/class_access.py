# Accessing a property through the class returns the property object itself.
class P:
    @property
    def p(self):
        return 1


print(isinstance(P.p, property), P().p)
P.p2 = property(lambda self: "added later")
print(P().p2)
obj = P()
try:
    obj.p = 5
except AttributeError:
    print("AttributeError")

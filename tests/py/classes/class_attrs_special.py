# __name__, __qualname__, __module__, __dict__ and __class__ of classes.
class K:
    a = 1

    def m(self):
        return 0


print(K.__name__, K.__qualname__, K.__module__)
print("a" in K.__dict__, "m" in K.__dict__, "zz" in K.__dict__)
k = K()
print(k.__class__.__name__, k.__dict__)
k.b = 2
print(k.__dict__)
print(K.m.__qualname__, K.m.__name__)

# Class bodies have their own namespace that methods do not see.
v = "module"


class C:
    v = "class"
    w = v + "-derived"
    lst = [v for _ in range(1)]

    def method(self):
        return v

    def method2(self):
        return self.v


print(C.w, C.lst, C().method(), C().method2())


class D:
    a = 1
    b = a + 1
    del a


print(hasattr(D, "a"), D.b)


class E:
    names = []
    for i in range(3):
        names.append(i * i)
    del i


print(E.names, hasattr(E, "i"))

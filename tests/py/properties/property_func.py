# property() called as a function with fget, fset, fdel, doc.
class C:
    def __init__(self):
        self._x = 0

    def getx(self):
        return self._x

    def setx(self, v):
        self._x = v * 2

    def delx(self):
        self._x = None

    x = property(getx, setx, delx, "the x")
    ro = property(lambda self: "read only")


c = C()
c.x = 5
print(c.x, C.x.__doc__)
del c.x
print(c.x)
print(c.ro)
try:
    del c.ro
except AttributeError:
    print("AttributeError: cannot delete")
print(C.x.fget is C.getx, C.x.fset is C.setx, C.ro.fset)

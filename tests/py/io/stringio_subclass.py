# Subclasses of StringIO keep working: overridden write, extra state, super().
import io

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper()
u.write("abc")
print("x", file=u)
print(repr(u.getvalue()), isinstance(u, io.StringIO))

class Counting(io.StringIO):
    def __init__(self, initial=""):
        super().__init__(initial)
        self.reads = 0

    def read(self, n=-1):
        self.reads += 1
        return super().read(n)

c = Counting("hello")
print(c.read(2), c.read(), c.reads, c.tell(), list(Counting("a\nb")))

# dir() of modules, classes and instances, without dunder names.
import sys


class A:
    a = 1

    def ma(self):
        pass


class B(A):
    b = 2

    def mb(self):
        pass


def public(obj):
    return sorted(n for n in dir(obj) if not n.startswith("__"))


print(public(A), public(B))
inst = B()
inst.c = 3
print(public(inst))
print("argv" in dir(sys), "path" in dir(sys))
print("append" in dir([]), "upper" in dir(""), "keys" in dir({}))


def f():
    local_var = 1
    return dir()


print(f())
x_top = 1
print("x_top" in dir(), "public" in dir())

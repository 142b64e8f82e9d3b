# Soft keywords and builtin names usable as identifiers.
match = 1
case = 2
_ = 3
type_ = 4
print(match, case, _, type_)


class Obj:
    pass


o = Obj()
o.list = [1]
o.print = "p"
o.match = "m"
print(o.list, o.print, o.match)
d = dict(type=1, id=2, max=3)
print(sorted(d.items()))


def f(list=None, str="s"):
    return list, str


print(f(), f(list=[1], str="t"))

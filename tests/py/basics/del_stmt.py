# The del statement on names, items, slices and attributes.
x = 1
del x
try:
    x
except NameError:
    print("x deleted")
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)


class C:
    pass


o = C()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
lst2 = [1, 2, 3]
del lst2[:]
print(lst2)
try:
    del undefined_name
except NameError:
    print("NameError")

# object(): the base of all classes, with no instance attributes.
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
try:
    o.attr = 1
except AttributeError:
    print("AttributeError")


class Sub(object):
    pass


s = Sub()
s.attr = 1
print(s.attr, Sub.__bases__[0] is object, issubclass(Sub, object))
print(str(o).startswith("<object object at"), repr(s).startswith("<__main__.Sub object at"))

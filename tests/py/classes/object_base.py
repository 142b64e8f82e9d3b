# Every class derives from object.
class A:
    pass


class B(object):
    pass


print(A.__bases__ == (object,), B.__bases__ == (object,))
print(issubclass(A, object), isinstance(A(), object), isinstance(1, object))
print(isinstance(A, object), isinstance(None, object))
o = object()
print(type(o).__name__)
try:
    o.x = 1
except AttributeError:
    print("cannot set attributes on object()")
print(object.__name__, A.__mro__ == (A, object))

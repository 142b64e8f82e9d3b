# isinstance and issubclass with tuples and builtin types.
class A: pass
class B(A): pass
class C: pass


b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C,)), isinstance(b, ()))
print(issubclass(B, A), issubclass(B, (C, A)), issubclass(A, B), issubclass(A, A))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
print(isinstance(1, (str, float)), isinstance(1.0, float), isinstance("s", str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(A, type))
print(issubclass(KeyError, LookupError), issubclass(ValueError, Exception))
print(isinstance(ZeroDivisionError(), ArithmeticError))
try:
    isinstance(1, 1)
except TypeError:
    print("TypeError")
try:
    issubclass(1, int)
except TypeError:
    print("TypeError")

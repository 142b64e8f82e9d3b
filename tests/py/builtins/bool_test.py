# bool() and the bool type.
print(bool(), bool(0), bool(1), bool(-1), bool(""), bool(" "), bool([]), bool({}), bool(None))
print(True and False, True or False, not True, True == 1, True + 1, str(True), repr(False))
print(type(True).__name__, isinstance(True, int), bool.__name__)
try:
    class MyBool(bool):
        pass
except TypeError:
    print("TypeError: bool cannot be subclassed")

# bool is a subclass of int.
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~True)
print(True == 1, False == 0, isinstance(True, int))
print(sum([True, False, True]), [1, 2, 3][True])
print(True & False, True | False, True ^ True, type(True & False).__name__)
print(type(True + 1).__name__, str(True), repr(False), int(True))
d = {1: "one", True: "true"}
print(d)
print(bool(0), bool(-1), bool(0.0), bool("False"))
print(True > False, max(True, 2), abs(-True))

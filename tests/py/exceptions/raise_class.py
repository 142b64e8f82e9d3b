# Raising a class instantiates it; raising a non-exception is a TypeError.
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    raise 42
except TypeError:
    print("TypeError: exceptions must derive from BaseException")


class NotAnException:
    pass


try:
    raise NotAnException()
except TypeError:
    print("TypeError for plain class instance")
try:
    raise NotAnException
except TypeError:
    print("TypeError for plain class")
err = KeyError("reuse")
for i in range(2):
    try:
        raise err
    except KeyError as e:
        print(i, e is err)

# An uncaught exception of a class defined in Python also exits with status 1.
class MyError(Exception):
    pass


for i in range(3):
    print("iteration", i)
    if i == 2:
        raise MyError("stop at 2")

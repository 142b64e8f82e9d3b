# Nested try statements, exceptions raised in handlers and in finally.
def f():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            print("inner handler")
            raise TypeError("from handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e, "context:", type(e.__context__).__name__)


f()
try:
    try:
        raise ValueError("first")
    finally:
        print("finally raising")
        raise KeyError("second")
except KeyError as e:
    print("got", e, type(e.__context__).__name__)
depth = 0
try:
    try:
        try:
            raise IndexError
        except KeyError:
            print("wrong")
    except ValueError:
        print("wrong")
except IndexError:
    print("reached the outer handler")

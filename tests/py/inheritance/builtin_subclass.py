# Subclassing built-in types list, dict, int, str and Exception.
class MyList(list):
    def total(self):
        return sum(self)


ml = MyList([1, 2, 3])
ml.append(4)
print(ml.total(), len(ml), ml[1:3], isinstance(ml, list))


class DefaultDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)


dd = DefaultDict(a=1)
print(dd["a"], dd["b"], len(dd))


class Meters(int):
    def describe(self):
        return str(int(self)) + "m"


m = Meters(5)
print(m + 1, m.describe(), isinstance(m, int))


class Shout(str):
    def shout(self):
        return self.upper() + "!"


print(Shout("hey").shout(), Shout("a") + "b")


class AppError(Exception):
    pass


try:
    raise AppError("bad")
except Exception as e:
    print(type(e).__name__, e)

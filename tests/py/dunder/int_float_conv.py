# __int__, __float__ and __str__ used by the int(), float() and str() constructors.
class Num:
    def __int__(self):
        return 42

    def __float__(self):
        return 2.5

    def __str__(self):
        return "Num!"


n = Num()
print(int(n), float(n), str(n))


class OnlyIndex:
    def __index__(self):
        return 7


print(int(OnlyIndex()))

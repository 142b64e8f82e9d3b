# __format__ customisation and f-strings with user objects.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return "$%d.%02d" % divmod(self.cents, 100)

    def __str__(self):
        return "Money"


m = Money(12345)
print(f"{m} {m:short} {m!s}")
print("{} {:short}".format(m, m), format(m, "short"))

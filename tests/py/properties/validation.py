# A property setter validating input and the instance dict not holding the property name.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if not isinstance(value, int):
            raise TypeError("balance must be int")
        if value < 0:
            raise ValueError("negative balance")
        self._balance = value


a = Account("ann", 10)
a.balance += 5
print(a.balance, sorted(a.__dict__))
for bad in ["10", -1]:
    try:
        a.balance = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    Account("bob", -5)
except ValueError as e:
    print("ctor", e)
print(a.balance)

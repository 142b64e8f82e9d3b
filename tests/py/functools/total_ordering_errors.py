# total_ordering: a class without any ordering fails; NotImplemented propagates.
from functools import total_ordering

try:
    @total_ordering
    class Nothing:
        pass
except ValueError:
    print("ValueError")

@total_ordering
class Num:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return isinstance(other, Num) and self.n == other.n

    def __lt__(self, other):
        if not isinstance(other, Num):
            return NotImplemented
        return self.n < other.n

print(Num(1) <= Num(1), Num(2) > Num(1), Num(1) >= Num(2))
for f in (lambda: Num(1) > "a", lambda: Num(1) <= 5, lambda: Num(1) >= None):
    try:
        f()
        print("no error")
    except TypeError:
        print("TypeError")
print(Num.__gt__(Num(1), "x"))

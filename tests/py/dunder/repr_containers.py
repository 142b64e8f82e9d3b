# repr() of containers calls repr() of the elements; str() of a container too.
class R:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "R%d" % self.n

    def __str__(self):
        return "str-not-used"


items = [R(1), R(2)]
print(items)
print(str(items))
print((R(3),), {"a": R(4)}, {R(5): 1})
print("%s" % (items,))
print(f"{items}")
print(repr(R(9)), str(R(9)))

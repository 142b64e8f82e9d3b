# and / or / not return operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "x" or "default")
print(None or [] or 0 or "last")
print(1 and [] and 3)
print(not 0, not 1, not "", not "a", not [], not None)


def side(v):
    print("eval", v)
    return v


print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) and side(2) and side(0) and side(3))
print(not side(0) or side(5))
x = 3
print(x > 1 and x < 5, x > 4 or x < 0)

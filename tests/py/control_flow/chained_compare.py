# Chained comparisons evaluate each operand at most once and short-circuit.
def v(x):
    print("eval", x)
    return x


print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) == v(1) != v(2))
print(v(1) < v(5) > v(2) >= v(2))
x = 5
print(0 <= x < 10, 0 < x < 5, x > 4 > 3 > 2, 1 < 2 > 0)
print(1 in [1] in [[1]], "a" < "b" != "c")
print(v(1) is not v(2) is not None)

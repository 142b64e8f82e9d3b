# sum() with start values and different numeric types.
print(sum([]), sum([1, 2, 3]), sum([1, 2, 3], 10), sum(range(101)))
print(sum([0.1] * 3), sum([1, 2.5]), sum([True, True]), sum([[1], [2]], []))
print(sum((x for x in range(5)), start=100))
print(sum([2 ** 64, 2 ** 64]), sum([-1] * 1000))
try:
    sum(["a", "b"], "")
except TypeError:
    print("TypeError: sum() can't sum strings")
try:
    sum([1, "a"])
except TypeError:
    print("TypeError: int + str")

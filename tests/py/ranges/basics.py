# range with one, two and three arguments, including negative and empty ranges.
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -3)))
print(list(range(0)), list(range(-3)), list(range(5, 5)), list(range(5, 1)), list(range(1, 5, -1)))
print(list(range(-5, -1)), list(range(-1, -5, -1)), list(range(0, -10, -4)))
print(range(5), range(1, 5), range(1, 5, 2), repr(range(0, -1, -1)))
try:
    range(1, 2, 0)
except ValueError:
    print("ValueError: range() arg 3 must not be zero")
try:
    range(1.5)
except TypeError:
    print("TypeError: float")

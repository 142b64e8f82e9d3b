# True division of ints always gives a float.
print(1 / 2, 4 / 2, -1 / 3, 10 / 4, 0 / 5, -0 / 5)
print(7 / -2, 2 ** 60 / 2, 1 / 3 * 3)
print(type(4 / 2).__name__)
print(10 ** 20 / 10 ** 10, (2 ** 53 + 1) / 1)
try:
    1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError")

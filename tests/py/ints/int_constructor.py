# int() from floats, bools, strings and other ints.
print(int(), int(3.9), int(-3.9), int(1e10), int(True), int(False), int(-0.5))
print(int(2.0 ** 70), int(-1e20))
print(int("7"), int(" 7\n"), int(7))
for bad in [float("inf"), float("-inf")]:
    try:
        int(bad)
    except OverflowError:
        print("OverflowError")
try:
    int(float("nan"))
except ValueError:
    print("ValueError: nan")
try:
    int(None)
except TypeError:
    print("TypeError: None")
try:
    int([1])
except TypeError:
    print("TypeError: list")

# Exponentiation of ints, negative exponents and three-argument pow.
print(2 ** 0, 2 ** 1, 2 ** 10, (-2) ** 3, (-2) ** 4, 0 ** 0, 0 ** 5)
print(2 ** -1, 2 ** -2, (-2) ** -1, 10 ** -3)
print(pow(2, 10), pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(2, 100, 1000))
print(pow(7, 0, 5), pow(0, 0, 3), pow(5, 1, 1))
print(pow(3, -1, 7), pow(2, -1, 5))
try:
    pow(2, 3, 0)
except ValueError:
    print("ValueError: pow() 3rd argument cannot be 0")
try:
    0 ** -1
except ZeroDivisionError:
    print("ZeroDivisionError: 0 ** -1")
try:
    pow(2, -1, 4)
except ValueError:
    print("ValueError: base is not invertible")
try:
    pow(2.0, 3, 5)
except TypeError:
    print("TypeError: 3-arg pow needs ints")
print(type(2 ** 2).__name__, type(2 ** -2).__name__)

# round() on floats: banker's rounding and ndigits.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(-3.7))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(3.14159, 2), round(2.675, 2), round(1.005, 2), round(-2.5, 0), round(1234.5678, -2))
print(round(0.125, 2), round(0.375, 2), round(1e20, 2), round(1.23456, 4))
print(round(5.5), round(6.5), round(1e16 + 0.0))
try:
    round(float("inf"))
except OverflowError:
    print("OverflowError")
try:
    round(float("nan"))
except ValueError:
    print("ValueError")
print(round(float("inf"), 2))

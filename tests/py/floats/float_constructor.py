# float() of various objects.
print(float(), float(0), float(-7), float(True), float("3"), float(10 ** 20))
print(type(float(1)).__name__)
try:
    float(None)
except TypeError:
    print("TypeError")
try:
    float([1.0])
except TypeError:
    print("TypeError list")
print(float("-0"), float(" -0.0 "), float("1e-7"))

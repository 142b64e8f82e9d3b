# Mixing big ints with small ints, floats and bools.
big = 10 ** 20
print(big + 1, big - 1, big * 2, big + True, 1 - big)
print(big / 4, float(big), big * 1.5, big + 0.5)
print(big > 1e19, big < 1e21, big == 1e20, 2 ** 64 == 2.0 ** 64)
print(big // 3, big % 3, -big // 3, -big % 3)
print(int(float(2 ** 60)), float(2 ** 1000) > 1e300)
try:
    float(2 ** 1024)
except OverflowError:
    print("OverflowError: int too large to convert to float")
try:
    2 ** 1024 / 1
except OverflowError:
    print("OverflowError in true division")
print((2 ** 1024) / (2 ** 1023))

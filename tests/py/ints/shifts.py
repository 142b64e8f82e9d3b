# Left and right shifts, including negative values and large shifts.
for a in [1, 3, -1, -3, 100, -100, 0]:
    print(a, a << 1, a << 10, a >> 1, a >> 3, a >> 100)
print(1 << 62, 1 << 63, 1 << 64, -1 << 63)
print(2 ** 70 >> 68, -(2 ** 70) >> 69)
try:
    1 << -1
except ValueError:
    print("ValueError: negative shift count")
try:
    1 >> -1
except ValueError:
    print("ValueError: negative shift count")

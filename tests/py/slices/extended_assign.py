# Extended slice assignment must match the slice length.
l = list(range(10))
l[::2] = ["e"] * 5
print(l)
l[1::2] = "ABCDE"
print(l)
l[::-3] = [0, 0, 0, 0]
print(l)
try:
    l[::2] = [1, 2]
except ValueError:
    print("ValueError: size mismatch")
m = [1, 2, 3]
m[::1] = [9]
print(m)
m = [1, 2, 3, 4]
m[::-1] = m[:]
print(m)

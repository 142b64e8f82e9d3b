# Slice assignment can grow, shrink and replace parts of a list.
l = list(range(6))
l[1:3] = ["a", "b", "c"]
print(l)
l[1:4] = []
print(l)
l[:0] = [-2, -1]
print(l)
l[len(l):] = [100]
print(l)
l[2:2] = "xy"
print(l)
l[:] = range(3)
print(l)
l[-1:] = [9, 9]
print(l)
l[10:20] = [7]
print(l)
l[3:1] = ["in"]
print(l)
try:
    l[0:1] = 5
except TypeError:
    print("TypeError: can only assign an iterable")

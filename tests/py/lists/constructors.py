# list() from iterables, and copies.
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
print(list(x * 2 for x in range(3)), list(b"hi"), list(map(str, [1, 2])))
a = [1, [2]]
b = list(a)
c = a[:]
b[0] = 9
c[1].append(3)
print(a, b, c, a == c, a is c)
try:
    list(5)
except TypeError:
    print("TypeError: int is not iterable")

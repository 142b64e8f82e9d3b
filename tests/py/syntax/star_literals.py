# Star unpacking inside list, tuple, set and dict literals.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print((*a,))
print({*a, *b} == {1, 2, 3, 4})
print([*"abc", *range(3)])
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2})
print({**d1, "y": 0, **{"w": 9}})
print([*[], *[]])
print(*a, *b)
print(sorted({*"hello"}))

# List operators: +, *, +=, *=, in, comparisons, len.
a = [1, 2]
b = [3]
print(a + b, a * 2, 0 * a, [[0]] * 2, len(a + b))
c = a
c += b
print(a, c is a)
c *= 2
print(a)
print(2 in a, 9 in a, 9 not in a)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [2] > [1, 99], [] < [0])
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
safe = [[0] * 2 for _ in range(2)]
safe[0][0] = 1
print(safe)
try:
    [1] + (2,)
except TypeError:
    print("TypeError: list + tuple")
x = [1]
x += (2, 3)
x += "ab"
print(x)

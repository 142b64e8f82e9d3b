# Starred assignment targets.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
first, *_ = (9, 8, 7)
print(first)
(a, *b), c = "ab", "c"
print(a, b, c)
*a, = [1, 2]
print(a)
head, *tail = iter([1, 2, 3])
print(head, tail, type(tail).__name__)
try:
    a, *b, c = [1]
except ValueError:
    print("ValueError: not enough values")

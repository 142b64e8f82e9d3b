# deque operators: +, +=, *, *=, in, bool.
from collections import deque

a = deque([1, 2])
print(a + deque([3]), deque() + deque(), a)
print(a * 3, 3 * a, a * 0, a * -1, deque() * 5)
b = deque([1, 2, 3], maxlen=4)
print(b * 2, b + deque([7, 8]))
c = deque("ab")
c *= 2
print(c)
c *= 1
print(c)
c += deque("z")
print(c)
m = deque([1, 2, 3], maxlen=5)
m *= 3
print(m)
print(2 in a, 5 in a, "a" in deque("abc"))
try:
    a + [3]
except TypeError:
    print("TypeError")
try:
    a * "x"
except TypeError:
    print("TypeError: mul")
x = deque([1])
y = x
x += [2]
print(y, x is y)

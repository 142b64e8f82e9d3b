# Counter arithmetic: + - | & keep positive counts; unary + and -; in-place forms.
from collections import Counter

a = Counter(a=3, b=1, c=-2)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, b - a, a | b, a & b)
print(+a, -a, +Counter(), -Counter(x=-5))
c = Counter(a=1)
c += Counter(a=2, b=-1)
print(c)
c -= Counter(a=5)
print(c)
c = Counter(a=1, b=5)
c |= Counter(a=4, c=1)
print(c)
c &= Counter(a=2, b=1)
print(c)
try:
    a + {"a": 1}
except TypeError:
    print("TypeError")
print(sum([Counter("ab"), Counter("bc")], Counter()))

# Counter rich comparisons treat missing elements as zero (multiset inclusion).
from collections import Counter

a = Counter(a=1, b=2)
b = Counter(a=1, b=2, c=0)
c = Counter(a=2, b=2)
print(a == b, a != b, a <= c, a < c, c > a, c >= a, a < a, a <= a)
print(Counter(a=1) < Counter(b=1), Counter(a=1) <= Counter(b=1))
print(Counter() == Counter(x=0), Counter() <= Counter(x=-1))
print(a == {"a": 1, "b": 2}, a != {"a": 1})
try:
    a < {"a": 5}
except TypeError:
    print("TypeError")

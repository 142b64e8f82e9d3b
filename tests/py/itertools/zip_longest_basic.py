# itertools.zip_longest: uneven inputs, fillvalue, no or one input.
from itertools import zip_longest

print(list(zip_longest("ABCD", "xy")))
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest()))
print(list(zip_longest("ab")))
print(list(zip_longest("", "")))
print(list(zip_longest("a", "", [1, 2, 3], fillvalue=0)))
print(list(zip_longest((i for i in range(2)), "abc")))
z = zip_longest("a", "bc")
print(next(z), next(z), list(z), list(z))
try:
    zip_longest("a", foo=1)
except TypeError:
    print("TypeError: keyword")
try:
    zip_longest("a", 1)
except TypeError:
    print("TypeError: not iterable")

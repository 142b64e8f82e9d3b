# itertools.compress: data selected by truthy selectors; stops at the shorter.
from itertools import compress, cycle, count

print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress("ABC", [1, 1, 1, 1, 1])))
print(list(compress("ABCDEF", [1, 0])))
print(list(compress("ABCDEF", cycle([0, 1]))))
print(list(compress(count(), [0, 0, 1, "", "x"])))
print(list(compress(data="abc", selectors=[0, 1, 1])))
print(list(compress([], [1])))
try:
    compress("a", 5)
except TypeError:
    print("TypeError")

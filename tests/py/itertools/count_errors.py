# itertools.count rejects non-numbers; mixed int/float steps give floats.
from itertools import count, islice

for args in [("a",), (1, "b"), (None,), ([],)]:
    try:
        count(*args)
        print("no error")
    except TypeError as e:
        print("TypeError")
try:
    count(1, 2, 3)
except TypeError:
    print("TypeError: too many")
try:
    count(foo=1)
except TypeError:
    print("TypeError: keyword")
print(list(islice(count(1, 0.5), 3)))
print(list(islice(count(1.0, 1), 3)))

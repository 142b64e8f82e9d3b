# itertools.starmap: argument tuples (or any iterables) unpacked into calls.
from itertools import starmap

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(max, [[1, 5], (7, 2), "ab"])))
print(list(starmap(lambda *a: a, [(), (1,), (1, 2)])))
print(list(starmap(divmod, ((i, 3) for i in range(5)))))
print(list(starmap(str, [])))
s = starmap(pow, [(2, 2), 5])
print(next(s))
try:
    next(s)
except TypeError:
    print("TypeError: item not iterable")
try:
    starmap(pow)
except TypeError:
    print("TypeError: arity")

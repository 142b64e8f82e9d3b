# min() and max() with iterables, several arguments, key and default.
print(max([3, 1, 4]), min([3, 1, 4]), max(3, 1, 4), min("hello"), max("a", "b"))
print(max([], default="empty"), min([], default=None), max([1], default=0))
print(max(["aa", "b", "cccc"], key=len), min(["aa", "b", "cccc"], key=len))
print(max([(1, "b"), (1, "a")]), min([-3, 2, -1], key=abs), max(-3, 2, key=abs))
print(max([1, 3, 3.0]), max([3.0, 1, 3]), min(True, 0))
print(max(iter([5, 9, 2])), max({"z": 1, "a": 2}), max(range(10), key=lambda v: v % 4))
try:
    max([])
except ValueError:
    print("ValueError: max() arg is an empty sequence")
try:
    min(1, "a")
except TypeError:
    print("TypeError")
try:
    max(5)
except TypeError:
    print("TypeError: int is not iterable")

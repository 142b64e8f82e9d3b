# set() from iterables and set literals.
print(set(), set([1, 2, 2]), set((3,)), set(range(5)), set({1: "a", 2: "b"}))
print(sorted(set("hello")), {1, 2, 1}, type({1}).__name__, type({}).__name__)
print(set(x % 3 for x in range(10)))
try:
    set([[1]])
except TypeError:
    print("TypeError: unhashable type")
try:
    {[1]}
except TypeError:
    print("TypeError in literal")

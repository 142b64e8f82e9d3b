# Keys of various hashable types; unhashable keys raise TypeError.
d = {1: "int", "1": "str", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool?",
     frozenset([1]): "frozenset", b"1": "bytes"}
print(len(d), d[1], d[True], d["1"], d[1.5], d[(1, 2)], d[None], d[frozenset([1])], d[b"1"])
for bad in ([1], {1: 2}, {1}):
    try:
        d[bad] = 1
    except TypeError:
        print("TypeError", type(bad).__name__)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e.args[0]))

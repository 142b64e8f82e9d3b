# TypeError in many everyday situations.
cases = [
    lambda: "a" * "b",
    lambda: [1] * 1.5,
    lambda: len(5),
    lambda: int([]),
    lambda: sorted([1, "a"]),
    lambda: {}[[]],
    lambda: "abc".split(1),
    lambda: (1, 2)[{}.get("k")],
    lambda: iter(5),
    lambda: next(5),
    lambda: abs("x"),
    lambda: -"x",
    lambda: ~1.5,
    lambda: 1 < None,
    lambda: "x".join([1]),
    lambda: hash([]),
    lambda: chr("a"),
    lambda: ord(5),
    lambda: range("3"),
    lambda: object() + 1,
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except TypeError:
        print(i, "TypeError")

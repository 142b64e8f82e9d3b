# ValueError in everyday situations.
cases = [
    lambda: int("abc"),
    lambda: float("x"),
    lambda: [1].index(2),
    lambda: [].remove(1),
    lambda: "abc".index("z"),
    lambda: chr(-5),
    lambda: range(0, 1, 0),
    lambda: int("10", 99),
    lambda: "a,b".split(""),
    lambda: max([]),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except ValueError:
        print(i, "ValueError")
a = [1, 2, 3]
try:
    x, y = a
except ValueError:
    print("ValueError unpack")

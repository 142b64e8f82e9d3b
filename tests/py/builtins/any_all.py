# any() and all() short-circuit.
print(any([]), all([]), any([0, 0]), all([1, 1]), any([0, 1]), all([1, 0]))
print(any("abc"), all(""), any([None, ""]), all([[1], (2,)]))


def gen(vals):
    for v in vals:
        print("yield", v)
        yield v


print(any(gen([0, 1, 2])))
print(all(gen([1, 0, 2])))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))

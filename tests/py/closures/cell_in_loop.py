# Each call creates new cells; a loop inside one call reuses the same cell.
def make_all():
    result = []
    for i in range(3):
        def show():
            return i
        result.append(show)
    return result


print([f() for f in make_all()])


def make_each():
    result = []
    for i in range(3):
        def wrap(i):
            return lambda: i
        result.append(wrap(i))
    return result


print([f() for f in make_each()])
closures = {}
for name in ["a", "b"]:
    closures[name] = (lambda n: lambda: n.upper())(name)
print(closures["a"](), closures["b"]())

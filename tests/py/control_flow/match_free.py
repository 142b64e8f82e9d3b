# Dispatch with dicts of functions instead of long if/elif chains.
def add(a, b):
    return a + b


def sub(a, b):
    return a - b


ops = {"+": add, "-": sub, "*": lambda a, b: a * b}
for expr in ["1 + 2", "5 - 3", "4 * 4", "2 / 1"]:
    a, op, b = expr.split()
    fn = ops.get(op)
    print(expr, "=", fn(int(a), int(b)) if fn else "unsupported")

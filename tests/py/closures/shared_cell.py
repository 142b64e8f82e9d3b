# Several closures share one cell.
def pair():
    value = 0

    def get():
        return value

    def set(v):
        nonlocal value
        value = v
    return get, set


get, set_ = pair()
print(get())
set_(42)
print(get())
g2, s2 = pair()
print(g2(), get())


def accumulate():
    items = []
    return items.append, lambda: list(items)


add, snapshot = accumulate()
add(1)
add(2)
print(snapshot())

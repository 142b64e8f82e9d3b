# Targets of "as": names, tuples, attributes and subscripts.
class Pair:
    def __enter__(self):
        return (1, 2)

    def __exit__(self, *a):
        return False


with Pair() as (a, b):
    print(a, b)


class Holder:
    pass


h = Holder()
d = {}
with Pair() as h.attr:
    pass
with Pair() as d["k"]:
    pass
print(h.attr, d)
with Pair() as [x, y]:
    print(x + y)

# pass, Ellipsis and empty bodies.
def f():
    pass


class Empty:
    pass


def g():
    ...


print(f(), g())
print(...)
print(Ellipsis is ..., type(...).__name__)
print(type(Empty()).__name__)
for _ in range(2):
    pass
if True:
    pass
print("done")

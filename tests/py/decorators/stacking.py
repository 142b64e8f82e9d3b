# Stacked decorators apply bottom-up and run top-down.
order = []


def deco(name):
    order.append("factory " + name)

    def apply(fn):
        order.append("apply " + name)

        def wrapper():
            order.append("enter " + name)
            return name + "(" + fn() + ")"
        return wrapper
    return apply


@deco("outer")
@deco("middle")
@deco("inner")
def base():
    return "base"


print(order)
print(base())
print(order[-3:])

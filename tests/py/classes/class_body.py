# A class body runs once, top to bottom, when the class statement executes.
print("before class")


class Loud:
    print("in class body")
    x = 1
    if x:
        y = "conditional attr"

    def f(self):
        return "f"
    print("end of class body")


print("after class", Loud.y, Loud().f())
order = []


class Ordered:
    order.append("a")
    a = 1
    order.append("b")
    b = 2


print(order, [k for k in Ordered.__dict__ if not k.startswith("__")])

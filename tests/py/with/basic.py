# The with statement calls __enter__ and __exit__ in order.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type is None)
        return False


with Resource("a") as r:
    print("inside with", r)
with Resource("b"):
    print("no as target")
print("after")


def use():
    with Resource("c") as r:
        return "returned " + r


print(use())
for i in range(3):
    with Resource(str(i)):
        if i == 1:
            break
print("loop done")

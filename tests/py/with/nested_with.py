# Nested with statements and with inside generators.
class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("<%s>" % self.name)

    def __exit__(self, *a):
        print("</%s>" % self.name)


with Tag("html"):
    with Tag("body"):
        with Tag("p"):
            print("text")


def gen():
    with Tag("gen"):
        yield 1
        yield 2


for v in gen():
    print("value", v)

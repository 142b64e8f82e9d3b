# __exit__ runs on return, break, continue and exceptions.
class Log:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        return self

    def __exit__(self, typ, *rest):
        print("exit", self.tag, typ.__name__ if typ else "-")


def ret():
    with Log("return"):
        return 1


print(ret())
for i in range(3):
    with Log("loop %d" % i):
        if i == 0:
            continue
        if i == 1:
            break
try:
    with Log("raise"):
        raise IndexError
except IndexError:
    print("caught IndexError")


def nested_ret():
    with Log("outer"):
        with Log("inner"):
            return "nested"


print(nested_ret())

# Unbounded recursion through methods, __getattr__, __repr__ and mutual calls.
class Loop:
    def go(self):
        return self.go()

    def __repr__(self):
        return repr(self)


try:
    Loop().go()
except RecursionError:
    print("RecursionError method")
try:
    repr(Loop())
except RecursionError:
    print("RecursionError __repr__")


class Attr:
    def __getattr__(self, name):
        return getattr(self, "x" + name)


try:
    Attr().a
except RecursionError:
    print("RecursionError __getattr__")


def ping(n):
    return pong(n)


def pong(n):
    return ping(n)


try:
    ping(0)
except RecursionError:
    print("RecursionError mutual")

# Classes defined inside other classes.
class Outer:
    class Inner:
        def hello(self):
            return "inner hello"

    def make(self):
        return self.Inner()

    def make2(self):
        return Outer.Inner()


o = Outer()
print(o.make().hello(), o.make2().hello())
print(Outer.Inner.__name__, type(Outer.Inner()).__name__)


class Tree:
    class Node:
        def __init__(self, v, kids=()):
            self.v = v
            self.kids = list(kids)

    def __init__(self):
        self.root = Tree.Node(1, [Tree.Node(2), Tree.Node(3, [Tree.Node(4)])])

    def walk(self, n=None):
        n = n or self.root
        out = [n.v]
        for k in n.kids:
            out += self.walk(k)
        return out


print(Tree().walk())

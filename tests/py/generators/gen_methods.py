# A generator used as a method and as __iter__; several independent generators.
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)


t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t))
print(list(t.depth_first()))
g1 = iter(t)
g2 = iter(t)
print(next(g1), next(g1), next(g2))
print(sum(t), max(t), 3 in t)

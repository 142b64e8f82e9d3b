# Subclasses of deque: extra methods, overridden methods calling the base, __init__.
from collections import deque

class Stack(deque):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]

s = Stack([1, 2])
s.push(3)
print(s.peek(), len(s), list(s), isinstance(s, deque), s.pop(), list(s))

class Logged(deque):
    def __init__(self, items, maxlen=None):
        super().__init__(items, maxlen)
        self.log = []

    def append(self, x):
        self.log.append(x)
        super().append(x)

l = Logged("ab", 3)
l.append("c")
l.append("d")
print(list(l), l.log, l.maxlen, len(l), l[0])
l.rotate(1)
print(list(l), "c" in l, l.count("d"))
print(list(reversed(l)), sorted(l))

class Named(deque):
    def __repr__(self):
        return "Named(%s)" % list(self)

print(Named([1]), [Named("x")])

# print() keyword arguments and the objects it prints.
import sys

print("a", 1, 2.5, None, [1], (2,), {"k": "v"}, b"x")
print("a", "b", sep="")
print("a", "b", sep=" | ", end=" <end>\n")
print(end="")
print("", end="\n")
print("multi\nline")
print(*"spread", sep=",")
print("x", file=sys.stdout, sep="", end="\n")


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


w = W()
print("to", "object", file=w, sep="-")
print(repr("".join(w.parts)))
try:
    print("x", sep=5)
except TypeError:
    print("TypeError: sep must be None or a string")
print(1, 2, sep=None)

# repr of lists with various contents.
print([], [1], [1, 2], ["a", 'b"', "c'"], [None, True, 1.5], [[], [[]]])
print(repr([1, "x"]), str([1, "x"]), [b"x", (1,), {1: 2}])
l = [1, 2]
l.append(l)
print(l)

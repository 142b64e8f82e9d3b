# Comprehension variables do not leak; the outer variable is unchanged.
x = "outer"
lst = [x for x in range(3)]
print(lst, x)
d = {x: x * 2 for x in range(2)}
print(d, x)
s = {x for x in [5]}
print(s, x)
g = list(x for x in "ab")
print(g, x)


def f():
    y = 1
    return [y + i for i in range(3)]


print(f())
n = 10
print([n * i for i in range(3)])
print([[i * j for j in range(3)] for i in range(3)])

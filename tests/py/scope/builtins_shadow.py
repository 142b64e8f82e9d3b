# Builtins can be shadowed at module and function level and restored with del.
print(len("abc"))
len = lambda x: -1
print(len("abc"))
del len
print(len("abc"))


def f():
    max = "local max"
    return max


print(f(), max(1, 2))


def g(list):
    return list


print(g(5), list("ab"))
str_ = str
str = int
print(str("12") + 1)
del str
print(str(12) + "1", str_ is str)

# Iterators consumed by unpacking, star-args and in-operator.
class Three:
    def __iter__(self):
        yield "a"
        yield "b"
        yield "c"


a, b, c = Three()
print(a, b, c)
print(*Three())
print([*Three(), *Three()])
print("b" in Three(), "z" in Three())
first, *rest = Three()
print(first, rest)
print(dict(enumerate(Three())))

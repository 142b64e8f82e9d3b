# Return values: none, single, several, early return.
def nothing():
    pass


def pair():
    return 1, 2


def early(n):
    for i in range(n):
        if i == 3:
            return "early", i
    return "late", n


def nested_return():
    try:
        return "from try"
    finally:
        print("finally runs before return")


print(nothing())
print(pair(), type(pair()).__name__)
a, b = pair()
print(a, b)
print(early(10), early(2))
print(nested_return())


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(10))


def list_ret():
    return [x for x in range(3)]


print(list_ret())

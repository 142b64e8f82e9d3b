# return from inside nested loops and try blocks.
def first_pair(n):
    for i in range(n):
        for j in range(n):
            if i + j == n:
                return i, j
    return None


print(first_pair(3), first_pair(0))


def first_even(values):
    for v in values:
        try:
            if v % 2 == 0:
                return v
        finally:
            print("checked", v)


print(first_even([1, 3, 4, 5]))


def loop_in_while():
    n = 0
    while True:
        for k in range(3):
            n += 1
            if n > 5:
                return n


print(loop_in_while())

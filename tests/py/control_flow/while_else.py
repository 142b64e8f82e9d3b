# while ... else.
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)
n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("broke at", n)
while False:
    pass
else:
    print("else of a loop that never ran")


def search(x):
    i = 0
    while i < 5:
        if i == x:
            return "returned from loop"
        i += 1
    else:
        return "else clause"


print(search(2), search(9))

# for loops over several iterables.
for i in range(3):
    print(i)
for ch in "hé!":
    print(ch)
for x, y in [(1, 2), (3, 4)]:
    print(x + y)
for k in {"a": 1, "b": 2}:
    print(k)
total = 0
for n in range(1, 101):
    total += n
print(total)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()
for i in []:
    print("never")
print(i if "i" in dir() else "i unset")
for i in range(5):
    pass
print("after loop i =", i)

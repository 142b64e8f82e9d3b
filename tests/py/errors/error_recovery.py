# After many caught errors of different kinds the interpreter keeps working normally.
count = 0
for i in range(200):
    try:
        if i % 5 == 0:
            1 / 0
        elif i % 5 == 1:
            [][i]
        elif i % 5 == 2:
            {}[i]
        elif i % 5 == 3:
            int("x%d" % i)
        else:
            undefined_thing
    except (ZeroDivisionError, IndexError, KeyError, ValueError, NameError):
        count += 1
print(count)
print(sum(range(10)), "still fine")

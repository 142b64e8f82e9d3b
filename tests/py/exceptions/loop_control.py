# break and continue out of try/except inside loops.
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            raise ValueError
        print("try", i)
    except ValueError:
        print("except", i)
        break
    finally:
        print("finally", i)
else:
    print("no break")
n = 0
while n < 3:
    n += 1
    try:
        continue
    finally:
        print("while finally", n)

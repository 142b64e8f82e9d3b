# continue inside finally, return in a loop with finally, nested loops.
def cont():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            out.append("f%d" % i)
            continue
    return out


print(cont())


def while_return():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("cleanup", n)


print(while_return())


def nested():
    for i in range(2):
        for j in range(2):
            try:
                if j == 1:
                    break
            finally:
                print("finally", i, j)
    return "done"


print(nested())

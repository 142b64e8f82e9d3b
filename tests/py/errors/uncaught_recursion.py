# Uncaught RecursionError: the program must end with status 1, not crash.
def down(n):
    return down(n + 1) + 1


print("starting")
down(0)

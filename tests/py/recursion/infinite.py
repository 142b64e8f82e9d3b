# Infinite recursion raises RecursionError (a RuntimeError) instead of crashing.
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
print("still alive")


def count(n):
    return count(n + 1) if True else n


for _ in range(3):
    try:
        count(0)
    except RecursionError:
        print("caught again")

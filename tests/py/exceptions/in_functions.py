# Exceptions propagate through several frames and unwind them.
def level3(x):
    if x < 0:
        raise ValueError("negative: %d" % x)
    return x


def level2(x):
    try:
        return level3(x) * 2
    finally:
        print("level2 cleanup", x)


def level1(x):
    return level2(x) + 1


for x in (1, -1):
    try:
        print(level1(x))
    except ValueError as e:
        print("caught at top:", e)


def gen_exc():
    yield 1
    raise RuntimeError("in generator")


try:
    for v in gen_exc():
        print("got", v)
except RuntimeError as e:
    print("caught", e)
try:
    list(map(lambda v: 1 // v, [1, 0]))
except ZeroDivisionError:
    print("ZeroDivisionError through map")

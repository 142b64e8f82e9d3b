# Checks: micropython.heap_lock(): every allocation raises MemoryError until heap_unlock(),
# while code that allocates nothing (small-int arithmetic, constant tuples, list item
# updates, calls of existing functions, assigning existing variables) runs normally; the
# locks nest.
try:
    import micropython
except ImportError:
    print("SKIP")
    raise SystemExit

N = 100


def make_list():
    return [1, 2]


def long_str():
    return "abc" * 50


def small_math():
    return 3 * 7 + 1


def big_int():
    return 2**N


def float_op():
    return N * 1.5


def make_dict():
    return {}


def const_tuple():
    return (1, 2)


funcs = [make_list, long_str, small_math, big_int, float_op, make_dict, const_tuple]
res = [0] * len(funcs)
depth = depth2 = left = left2 = i = 0  # a new global while locked could grow the dict
print(micropython.heap_locked())
micropython.heap_lock()
depth = micropython.heap_locked()
i = 0
while i < 7:
    try:
        funcs[i]()
        res[i] = 1
    except MemoryError:
        res[i] = 2
    i += 1
micropython.heap_lock()
depth2 = micropython.heap_locked()
left = micropython.heap_unlock()
left2 = micropython.heap_unlock()
print(res)
print(depth, depth2, left, left2, micropython.heap_locked())
print(make_list(), len(long_str()))

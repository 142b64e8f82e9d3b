# bytearray item and slice assignment (simple, resizing, extended) and deletion.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def setitem(key, value, base=b"abcdef"):
    b = bytearray(base)
    b[key] = value
    return b


def delitem(key, base=b"abcdef"):
    b = bytearray(base)
    del b[key]
    return b


class Idx:
    def __index__(self):
        return 90


t("set 0", lambda: setitem(0, 65))
t("set -1", lambda: setitem(-1, 0))
t("set 255", lambda: setitem(2, 255))
t("set bool", lambda: setitem(True, True))
t("set Idx", lambda: setitem(0, Idx()))
t("set 256", lambda: setitem(0, 256))
t("set -1 value", lambda: setitem(0, -1))
t("set str", lambda: setitem(0, "a"))
t("set bytes", lambda: setitem(0, b"a"))
t("set float", lambda: setitem(0, 1.0))
t("set out of range", lambda: setitem(6, 1))
t("set -7", lambda: setitem(-7, 1))
t("set bad value first", lambda: setitem(10, "x"))
t("set key str", lambda: setitem("a", 1))
t("set key big", lambda: setitem(2**70, 1))

for key in [slice(0, 2), slice(1, 1), slice(4, None), slice(None), slice(-2, None), slice(5, 1), slice(10, 20),
            slice(-100, 1)]:
    for value in [b"XY", b"", b"LONGER", bytearray(b"ba"), memoryview(b"mv"), [1, 2], (3,), range(65, 68), iter(b"it")]:
        shown = value if not isinstance(value, (memoryview, type(iter(b"")))) else type(value).__name__
        t("set " + repr(key) + " " + repr(shown), lambda: setitem(key, value))

for key in [slice(None, None, 2), slice(1, None, 2), slice(None, None, -1), slice(None, None, -2), slice(4, 0, -2),
            slice(0, 6, 3), slice(10, 0, -4)]:
    n = len(range(*key.indices(6)))
    t("ext " + repr(key), lambda: setitem(key, bytes(range(65, 65 + n))))
    t("ext list " + repr(key), lambda: setitem(key, [48] * n))
    t("ext wrong " + repr(key), lambda: setitem(key, b"Z" * (n + 1)))
    t("del " + repr(key), lambda: delitem(key))

t("ext assign empty deletes", lambda: setitem(slice(None, None, 2), b""))
t("ext assign empty list deletes", lambda: setitem(slice(None, None, -3), []))
t("ext step 1 explicit", lambda: setitem(slice(0, 2, 1), b"123"))
t("slice int", lambda: setitem(slice(0, 2), 5))
t("slice str", lambda: setitem(slice(0, 2), "ab"))
t("slice float", lambda: setitem(slice(0, 2), 1.5))
t("slice None", lambda: setitem(slice(0, 2), None))
t("slice bad item", lambda: setitem(slice(0, 2), [1, "a"]))
t("slice big item", lambda: setitem(slice(0, 2), [300]))
t("slice step 0", lambda: setitem(slice(None, None, 0), b""))

for key in [0, -1, 5, slice(1, 3), slice(None), slice(None, None, 2), slice(None, None, -3), slice(3, 3), slice(-1, -100, -1)]:
    t("del " + repr(key), lambda: delitem(key))
t("del out of range", lambda: delitem(6))
t("del str", lambda: delitem("x"))

b = bytearray(b"0123456789")
b[2:5] = b
print(b)
b = bytearray(b"0123456789")
b[::2] = b[1::2]
print(b)
b = bytearray(b"0123456789")
b[3:6] = memoryview(b)[:3]
print(b)
b = bytearray(b"abc")
b[0:0] = b"123"
b[len(b):] = b"xyz"
print(b, len(b))
b = bytearray(range(256))
del b[::2]
print(len(b), b[:4], b[-2:])
del b[:]
print(b, len(b))

# Indexing and slicing bytes and bytearray.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


data = bytes(range(0, 256, 15)) + b"\x00\xff"
for ctor in (bytes, bytearray):
    b = ctor(data)
    print(ctor.__name__, b[0], b[-1], b[-2], b[len(b) - 1], b[True], b[Idx(2)])
    for sl in [slice(None), slice(2, 5), slice(-3, None), slice(None, -15), slice(None, None, -1),
               slice(None, None, 3), slice(1, None, -2), slice(10, 2, -3), slice(-100, 100),
               slice(100, None), slice(5, 5), slice(5, 2), slice(None, None, 100), slice(-1, -100, -7)]:
        r = b[sl]
        print(" ", sl, type(r).__name__, r)
    t("  index 20", lambda: b[20])
    t("  index -20", lambda: b[-20])
    t("  index big", lambda: b[2**70])
    t("  index str", lambda: b["a"])
    t("  index float", lambda: b[1.0])
    t("  index None", lambda: b[None])
    t("  step zero", lambda: b[::0])
    t("  slice str", lambda: b["a":])

e = b""
t("empty index", lambda: e[0])
t("empty slice", lambda: e[:])
t("empty rev", lambda: e[::-1])
t("bytes item assign", lambda: b"ab".__class__)
try:
    b"ab"[0] = 1
except TypeError as ex:
    print("assign TypeError", ex)
try:
    del b"ab"[0]
except TypeError as ex:
    print("del TypeError", ex)
print(list(b"\x00\x7f\x80\xff"), list(bytearray(b"ab")), list(iter(b"")))
it = iter(b"xy")
print(next(it), next(it), next(it, "done"), next(it, "done"))
ba = bytearray(b"ab")
it = iter(ba)
print(next(it))
ba.append(99)
print(list(it), type(iter(b"")).__name__, type(iter(ba)).__name__)
print(b"abc"[::-1] == bytes(reversed(b"abc")), bytes(reversed(bytearray(b"xyz"))))

# Writing through memoryviews of bytearray (shared memory), and read-only views of bytes.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def setm(mv, key, value):
    mv[key] = value
    return mv.obj


ba = bytearray(b"abcdef")
m = memoryview(ba)
print(m.readonly)
m[0] = 65
m[-1] = 0xFF
print(ba)
m[1:3] = b"BC"
print(ba)
m[3:5] = bytearray(b"DE")
print(ba)
m[::2] = b"xyz"
print(ba)
m[::-1] = b"123456"
print(ba)
view = m[2:5]
view[0] = 0
view[1:] = memoryview(b"!?")
print(ba, view.tobytes(), view.obj is ba)
ba[3] = 35
print(view.tobytes(), view[1], m.tobytes())
m[0:3] = m[3:6]
print(ba)
m[1:6] = m[0:5]
print(ba)
t("value 256", lambda: setm(m, 0, 256))
t("value -1", lambda: setm(m, 0, -1))
t("value str", lambda: setm(m, 0, "a"))
t("value bytes", lambda: setm(m, 0, b"a"))
t("value float", lambda: setm(m, 0, 1.5))


t("slice too long", lambda: setm(m, slice(0, 2), b"xyz"))
t("slice too short", lambda: setm(m, slice(0, 2), b"x"))
t("slice int", lambda: setm(m, slice(0, 2), 5))
t("slice str", lambda: setm(m, slice(0, 2), "ab"))
t("slice list", lambda: setm(m, slice(0, 2), [1, 2]))
t("slice cast c", lambda: setm(m, slice(0, 2), memoryview(b"xy").cast("c")))
t("index out", lambda: setm(m, 6, 1))
t("index str", lambda: setm(m, "a", 1))


def delm(mv, key):
    del mv[key]


t("del item", lambda: delm(m, 0))
t("del slice", lambda: delm(m, slice(0, 1)))
ro = memoryview(b"readonly")
print(ro.readonly)
t("ro set", lambda: setm(ro, 0, 65))
t("ro set slice", lambda: setm(ro, slice(0, 2), b"xy"))
t("ro del", lambda: delm(ro, 0))
t("toreadonly", lambda: setm(m.toreadonly(), 0, 1))
print(m.toreadonly().readonly, m.toreadonly().tobytes() == ba)
ba2 = bytearray(b"grow")
mv2 = memoryview(ba2)
ba2[0] = ord("G")
print(mv2.tobytes(), mv2[0])

# memoryview.cast between byte and multi-byte formats, equality and hashing.
import sys


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def setm(mv, key, value):
    mv[key] = value
    return mv.obj


little = sys.byteorder == "little"
m = memoryview(b"\x01\x00\x02\x00\xff\xff\x00\x80")
c = m.cast("c")
print(c.format, c.itemsize, c.tolist(), c[0], len(c), c.tobytes())
sb = m.cast("b")
print(sb.tolist(), sb[-1], sb.format)
h = m.cast("H")
print(h.format, h.itemsize, len(h), h.nbytes, h.shape, h.strides,
      h.tolist() if little else "skip", h.cast("B").tolist())
if little:
    print(m.cast("h").tolist(), m.cast("I").tolist(), m.cast("i").tolist(), m.cast("Q").tolist(),
          m.cast("q").tolist(), memoryview(b"\x00\x00\x80\x3f").cast("f").tolist(),
          memoryview(b"\x01\x00").cast("?").tolist(), m.cast("@B").tolist())
else:
    print("big-endian: skipped")
t("cast odd length", lambda: memoryview(b"abc").cast("H"))
t("cast bad format", lambda: m.cast("x"))
t("cast long format", lambda: m.cast("BB"))
t("cast strided", lambda: m[::2].cast("B"))
t("cast non-byte to non-byte", lambda: m.cast("H").cast("I"))
t("cast shape 1d", lambda: m.cast("H", (4,)).tolist() if little else [1, 2, 65535, 32768])
t("cast shape bad", lambda: m.cast("H", [3]))

wb = bytearray(8)
w = memoryview(wb).cast("H")
w[0] = 0x0102
w[1] = 65535
t("H 65536", lambda: setm(w, 2, 65536))
t("H -1", lambda: setm(w, 2, -1))
t("H float", lambda: setm(w, 2, 1.5))
print(wb if little else "skip", w[0], w[1])
wc = memoryview(wb).cast("c")
wc[0] = b"Z"
t("c int", lambda: setm(wc, 0, 65))
t("c long", lambda: setm(wc, 0, b"ab"))
print(wb[0])
wq = memoryview(bytearray(8)).cast("Q")
wq[0] = 2**64 - 1
print(wq[0], wq.obj)
t("Q too big", lambda: setm(wq, 0, 2**64))
wqs = memoryview(bytearray(8)).cast("q")
wqs[0] = -2**63
print(wqs[0])
t("q too big", lambda: setm(wqs, 0, 2**63))

a = memoryview(b"abc")
print(a == b"abc", a == bytearray(b"abc"), a == memoryview(b"abc"), a != b"abd", a == b"ab", a == "abc",
      a == [97, 98, 99], a[::2] == b"ac", a[::-1] == memoryview(b"cba"), b"abc" == a, a == a)
print(memoryview(b"ab").cast("c") == memoryview(b"ab"), memoryview(b"ab").cast("b") == memoryview(b"ab"),
      memoryview(b"\xff").cast("b") == memoryview(b"\xff"), memoryview(b"\xff").cast("b") == memoryview(b"\xff").cast("b"))
print(memoryview(b"") == b"", memoryview(bytearray(b"x")) == memoryview(b"x"))
print(hash(memoryview(b"abc")) == hash(b"abc"), hash(memoryview(b"xabc")[1:]) == hash(b"abc"),
      hash(memoryview(b"abc").cast("c")) == hash(b"abc"))
t("hash H", lambda: hash(memoryview(b"ab").cast("H")))
t("hash writable", lambda: hash(memoryview(bytearray(b"ab"))))
t("hash readonly of bytearray", lambda: hash(memoryview(bytearray(b"ab")).toreadonly()) == hash(b"ab"))
print(len({memoryview(b"k"): 1, b"k": 2}))

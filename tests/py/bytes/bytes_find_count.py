# find/rfind/index/rindex/count/startswith/endswith with byte values, ranges and errors.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


h = b"abcabc\x00\xffab"
for sub in [b"ab", b"c", b"", b"zz", 97, 0, 255, bytearray(b"bc"), memoryview(b"\x00\xff")]:
    print(repr(sub) if not isinstance(sub, memoryview) else "mv", h.find(sub), h.rfind(sub), h.count(sub), h.find(sub, 2), h.rfind(sub, 0, 5),
          h.count(sub, -4), h.find(sub, -100, 100), h.find(sub, 5, 2), h.find(sub, None, None))
for args in [(b"",), (b"", 3), (b"", 4), (b"", 11), (b"", 12), (b"", 1, 2), (b"a", 11), (b"ab", 8, 10),
             (b"ab", 8, 9), (b"b", -2**70, 2**70), (b"b", 2**70)]:
    print(args, b"abcabc\x00\xffab".find(*args), b"abcabc\x00\xffab".rfind(*args),
          b"abcabc\x00\xffab".count(*args))
print(b"aaaa".count(b"aa"), b"aaaa".count(b"a"), b"".count(b""), b"".find(b""), b"".rfind(b""))
t("index", lambda: h.index(b"c"))
t("rindex", lambda: h.rindex(b"c"))
t("index missing", lambda: h.index(b"zz"))
t("rindex missing", lambda: h.rindex(120))
t("index range", lambda: h.index(b"a", 1, 3))
t("find str", lambda: h.find("a"))
t("find float", lambda: h.find(1.0))
t("find 256", lambda: h.find(256))
t("find -1", lambda: h.find(-1))
t("find None", lambda: h.find(None))
t("find start str", lambda: h.find(b"a", "x"))
t("count str", lambda: h.count("a"))
t("count list", lambda: h.count([97]))
t("bytearray find", lambda: bytearray(h).find(b"\xff"))
t("bytearray rindex", lambda: bytearray(h).rindex(98))
t("bytearray count", lambda: bytearray(b"xxx").count(bytearray(b"x")))

s = b"hello world"
for args in [(b"hello",), (b"world",), (b"",), (b"", 11), (b"", 12), (b"lo", 3), (b"lo", 3, 4),
             ((b"x", b"he"),), ((),), (b"world", -5), (b"hello", -100, 5), (bytearray(b"h"),),
             (memoryview(b"wor"), 6)]:
    print(args[0] if not isinstance(args[0], memoryview) else "mv", args[1:], s.startswith(*args),
          s.endswith(*args))
t("startswith str", lambda: s.startswith("he"))
t("endswith int", lambda: s.endswith(100))
t("startswith list", lambda: s.startswith([b"he"]))
t("startswith tuple str", lambda: s.startswith(("he",)))
t("startswith tuple ok first", lambda: s.startswith((b"he", "x")))
t("endswith None", lambda: s.endswith(None))
t("bytearray startswith", lambda: bytearray(s).startswith(b"hell"))
t("bytearray endswith tuple", lambda: bytearray(s).endswith((b"x", bytearray(b"ld"))))

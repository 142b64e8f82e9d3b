# center/ljust/rjust/zfill, expandtabs, replace, translate/maketrans, removeprefix/removesuffix.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for ctor in (bytes, bytearray):
    s = ctor(b"ab")
    print(ctor.__name__, [s.center(w) for w in range(6)], s.center(7, b"*"), s.ljust(5, b"-"),
          s.rjust(5, bytearray(b"\x00")), s.ljust(-1), s.rjust(2), ctor(b"abc").center(6),
          ctor(b"abc").center(7, b"."))
    print(" ", [ctor(x).zfill(5) for x in (b"", b"1", b"-1", b"+12", b"abc", b"-", b"--1", b"123456")],
          ctor(b"-5").zfill(1))
    print(" ", ctor(b"a\tbc\tdef\tg").expandtabs(), ctor(b"a\tb").expandtabs(4), ctor(b"\t").expandtabs(0),
          ctor(b"x\ty\nab\tc\r\td").expandtabs(tabsize=3), ctor(b"a\tb").expandtabs(-2), ctor(b"").expandtabs())
    r = ctor(b"one two one two")
    print(" ", r.replace(b"one", b"1"), r.replace(b"o", b"OO", 2), r.replace(b"two", b""), r.replace(b"", b"|"),
          r.replace(b"", b"|", 3), r.replace(b"zz", b"y"), r.replace(b"one", b"1", 0), r.replace(b"one", b"1", -1),
          ctor(b"").replace(b"", b"x"), ctor(b"aaa").replace(b"aa", b"b"), r.replace(bytearray(b" "), memoryview(b"_")))
    table = bytes.maketrans(b"abc", b"xyz")
    print(" ", ctor(b"aabbcc").translate(table), ctor(b"abcdef").translate(table, b"de"),
          ctor(b"abcdef").translate(None, b"ace"), ctor(b"abc").translate(None), ctor(b"abc").translate(table, delete=b"a"),
          ctor(b"\x00\xff").translate(bytes(range(255, -1, -1))))
    print(" ", ctor(b"prefix-body").removeprefix(b"prefix-"), ctor(b"body.txt").removesuffix(b".txt"),
          ctor(b"abc").removeprefix(b"x"), ctor(b"abc").removesuffix(b"abc"), ctor(b"abc").removeprefix(b""),
          ctor(b"ab").removeprefix(bytearray(b"abc")))

t("center fill str", lambda: b"a".center(5, "x"))
t("center fill long", lambda: b"a".center(5, b"xy"))
t("center fill empty", lambda: b"a".center(5, b""))
t("ljust fill int", lambda: b"a".ljust(5, 120))
t("rjust fill mv", lambda: b"a".rjust(5, memoryview(b"x")))
t("center width str", lambda: b"a".center("5"))
t("center width float", lambda: b"a".center(5.0))
t("zfill str", lambda: b"a".zfill("5"))
t("expandtabs str", lambda: b"a".expandtabs("4"))
t("replace str", lambda: b"abc".replace("a", b"b"))
t("replace new int", lambda: b"abc".replace(b"a", 1))
t("replace count str", lambda: b"abc".replace(b"a", b"b", "1"))
t("translate short", lambda: b"abc".translate(b"abc"))
t("translate str", lambda: b"abc".translate("x" * 256))
t("translate delete str", lambda: b"abc".translate(None, "a"))
t("maketrans lengths", lambda: bytes.maketrans(b"ab", b"c"))
t("maketrans str", lambda: bytes.maketrans("a", "b"))
t("bytearray maketrans", lambda: bytearray.maketrans(b"a", b"b")[97:99])
t("maketrans len", lambda: len(bytes.maketrans(b"", b"")))
t("removeprefix str", lambda: b"abc".removeprefix("a"))
t("removesuffix None", lambda: b"abc".removesuffix(None))

# split, rsplit, splitlines, partition, rpartition, strip family and join.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for ctor in (bytes, bytearray):
    s = ctor(b"  a b\t\tc\n d \x0b\x0ce\x1c ")
    print(ctor.__name__)
    print(" ", s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2),
          s.rsplit(maxsplit=0), s.split(maxsplit=0))
    c = ctor(b",a,,b,")
    print(" ", c.split(b","), c.rsplit(b","), c.split(b",", 2), c.rsplit(b",", 2), c.split(b",,"),
          c.split(sep=b"a"), c.rsplit(bytearray(b","), maxsplit=1), c.split(memoryview(b"b")))
    print(" ", ctor(b"").split(), ctor(b"").split(b","), ctor(b"   ").split(), ctor(b"abc").split(b"abc"))
    lines = ctor(b"one\ntwo\r\nthree\rfour\n\nfive\x0bsix\x0c\x1c")
    print(" ", lines.splitlines(), lines.splitlines(True), lines.splitlines(keepends=True),
          ctor(b"").splitlines(), ctor(b"\n").splitlines(), ctor(b"x\r").splitlines(True))
    p = ctor(b"key=value=x")
    print(" ", p.partition(b"="), p.rpartition(b"="), p.partition(b"#"), p.rpartition(b"#"),
          p.partition(bytearray(b"value")), ctor(b"").partition(b"x"))
    w = ctor(b" \t\n\x0b\x0c\rabc \x00\r\n")
    print(" ", w.strip(), w.lstrip(), w.rstrip(), w.strip(None), w.strip(b" \n\r\x00"), ctor(b"xxaxx").strip(b"x"),
          ctor(b"abcba").strip(b"ab"), ctor(b"aaa").strip(b"a"), ctor(b"").strip(), ctor(b"abc").strip(b""),
          ctor(b"\xff\x00a\xff").strip(bytearray(b"\xff")), ctor(b"mvm").rstrip(memoryview(b"m")))
    sep = ctor(b", ")
    print(" ", sep.join([b"a", bytearray(b"b"), memoryview(b"c")]), sep.join([]), sep.join((b"x",)),
          sep.join(iter([b"1", b"2"])), ctor(b"").join([b"a", b"b"]), sep.join(x for x in [b"g"]),
          type(sep.join([b"a"])).__name__)

s = b"a b"
t("split empty sep", lambda: s.split(b""))
t("rsplit empty sep", lambda: s.rsplit(b""))
t("split str", lambda: s.split(" "))
t("split int", lambda: s.split(1))
t("split maxsplit str", lambda: s.split(None, "1"))
t("split maxsplit huge", lambda: s.split(None, 2**70))
t("partition empty", lambda: s.partition(b""))
t("rpartition empty", lambda: s.rpartition(b""))
t("partition str", lambda: s.partition(" "))
t("strip str", lambda: s.strip("a"))
t("lstrip int", lambda: s.lstrip(1))
t("join str item", lambda: b",".join([b"a", "b"]))
t("join int item", lambda: b",".join([1]))
t("join bytes", lambda: b",".join(b"ab"))
t("join not iterable", lambda: b",".join(5))
t("join str", lambda: b",".join("ab"))

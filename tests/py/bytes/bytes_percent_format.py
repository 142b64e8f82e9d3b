# bytes % args (printf-style formatting of bytes).
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class WithBytes:
    def __bytes__(self):
        return b"<wb>"


class Idx:
    def __index__(self):
        return 65


t("s", lambda: b"[%s]" % b"abc")
t("b", lambda: b"[%b]" % bytearray(b"abc"))
t("s mv", lambda: b"[%s]" % memoryview(b"mv"))
t("s __bytes__", lambda: b"[%s]" % WithBytes())
t("s width", lambda: b"[%5s|%-5s|%.2s|%5.1s]" % (b"ab", b"ab", b"abc", b"xyz"))
t("s str", lambda: b"%s" % "text")
t("s int", lambda: b"%s" % 5)
t("s None", lambda: b"%s" % None)
t("r a", lambda: b"%r %a" % ("\xe9", [1, b"x"]))
t("r prec", lambda: b"%.3r|%6a|" % ("abcdef", 1))
t("d", lambda: b"%d %i %u" % (42, -7, 3))
t("d float", lambda: b"%d %d %d" % (3.99, -2.5, True))
t("d big", lambda: b"%d %x" % (2**80, -2**70))
t("d str", lambda: b"%d" % "1")
t("x float", lambda: b"%x" % 1.0)
t("x Idx", lambda: b"%x %d %c" % (Idx(), Idx(), Idx()))
t("xXo", lambda: b"%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8))
t("neg alt", lambda: b"%#x %#o %x" % (-255, -8, -1))
t("flags", lambda: b"[%5d][%-5d][%05d][%+d][% d][%+05d][%-+5d][% 05d]" % (42, 42, -42, 42, 42, 42, 42, 42))
t("prec int", lambda: b"[%.3d][%5.3d][%-6.2x][%#.4x][%.0d][%08.3d]" % (7, -7, 10, 1, 0, 5))
t("star", lambda: b"[%*d][%-*d][%.*f][%*.*f]" % (5, 1, 5, 2, 2, 3.14159, 8, 1, 2.25))
t("star neg", lambda: b"[%*s]" % (-4, b"a"))
t("star str", lambda: b"%*d" % ("5", 1))
t("floats", lambda: b"%f %e %E %g %G" % (1.5, 12345.678, 0.00012, 1e-10, 1e20))
t("float flags", lambda: b"[%8.3f][%-8.2f][%08.2f][%+.1f][% .1e][%#.0f][%#g]" % (3.14159, 2.5, -2.5, 1.0, 1.0, 2.0, 1.0))
t("float special", lambda: b"%f %F %f %e" % (float("inf"), float("nan"), float("-inf"), -0.0))
t("float int arg", lambda: b"%.2f" % 3)
t("float str", lambda: b"%f" % "x")
t("c", lambda: b"%c%c%c" % (65, b"B", bytearray(b"C")))
t("c width", lambda: b"[%3c][%-3c]" % (120, 121))
t("c 256", lambda: b"%c" % 256)
t("c str", lambda: b"%c" % "a")
t("c long bytes", lambda: b"%c" % b"ab")
t("percent", lambda: b"100%% %s" % b"x")
t("percent only", lambda: b"%%" % ())
t("mapping", lambda: b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 42})
t("mapping nested", lambda: b"%(a(b))s" % {b"a(b)": b"ok"})
t("mapping missing", lambda: b"%(x)s" % {b"y": 1})
t("mapping str key", lambda: b"%(x)s" % {"x": b"1"})
t("mapping needed", lambda: b"%(x)s" % (1,))
t("mapping unused", lambda: b"plain" % {b"a": 1})
t("incomplete key", lambda: b"%(x" % {})
t("too few", lambda: b"%s %s" % (b"a",))
t("too many", lambda: b"%s" % (b"a", b"b"))
t("no args used", lambda: b"plain" % ())
t("single unused", lambda: b"plain" % 5)
t("list arg", lambda: b"%s" % [b"a"])
t("tuple in tuple", lambda: b"%s" % ((1,),))
t("incomplete", lambda: b"abc %" % ())
t("incomplete flags", lambda: b"abc %-5" % (1,))
t("unsupported", lambda: b"%y" % (1,))
t("unsupported pct", lambda: b"%5%" % (1,))
t("length mods", lambda: b"%ld %hd %Lf" % (1, 2, 3.0))
t("bytearray fmt", lambda: bytearray(b"%d-%s") % (1, b"x"))
t("empty", lambda: b"" % ())
t("nul", lambda: b"\x00%s\xff" % b"\x00")

# bytes.decode and str(bytes, encoding): codecs, error handlers and UnicodeDecodeError messages.
def t(label, f):
    try:
        print(label, ascii(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


good = [b"", b"plain", b"caf\xc3\xa9", b"\xe2\x82\xac1", b"\xf0\x9f\x98\x80!", b"\x00\x7f", b"\xc2\x80\xdf\xbf",
        b"\xe0\xa0\x80\xef\xbf\xbf", b"\xf0\x90\x80\x80\xf4\x8f\xbf\xbf", b"\xed\x9f\xbf"]
for g in good:
    print(ascii(g.decode()), ascii(g.decode("utf-8")), len(g.decode()), ascii(str(g, "utf8")),
          ascii(bytearray(g).decode()))

bad = [b"\xff", b"\xfe\xff", b"a\x80b", b"\xc0\x80", b"\xc1\xbf", b"\xc3", b"\xc3(", b"a\xc3",
       b"\xe2\x82", b"\xe2\x82(", b"\xe2(\xa1", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xed\xa0\x80",
       b"\xed\xbf\xbf", b"\xf0\x80\x80\x80", b"\xf0\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80",
       b"\xf0\x9f\x98", b"\xf0\x9f", b"\xf0", b"\xf0\x9f\x98(", b"\xf8\x88\x80\x80\x80", b"ok\xffok\xfe",
       b"\x80\x80", b"a\xe2\x82\xff\xf0\x9fb\xc0"]
for b in bad:
    t(repr(b) + " strict", lambda: b.decode())
    for errors in ("replace", "ignore", "backslashreplace", "surrogateescape"):
        t("   " + errors, lambda: b.decode("utf-8", errors))

for enc in ("ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "ISO8859_1", "l1", "UTF-8", "utf_8", "U8",
            " utf 8 ", "utf"):
    t(enc, lambda: b"a\xe9\xff".decode(enc, "replace"))
t("ascii strict", lambda: b"ab\x80\xff".decode("ascii"))
t("ascii ignore", lambda: b"ab\x80\xffc".decode("ascii", "ignore"))
t("ascii backslash", lambda: b"ab\x80\xffc".decode("ascii", "backslashreplace"))
t("latin-1 all", lambda: bytes(range(250, 256)).decode("latin-1"))
t("unknown codec", lambda: b"a".decode("klingon"))
t("unknown handler unused", lambda: b"a".decode("utf-8", "nonsense"))
t("unknown handler used", lambda: b"\xff".decode("utf-8", "nonsense"))
t("xmlcharref in decode", lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"))
t("encoding kw", lambda: b"\xe9".decode(encoding="latin-1"))
t("errors kw", lambda: b"\xe9".decode(errors="ignore"))
t("encoding int", lambda: b"a".decode(1))
t("errors int", lambda: b"a".decode("utf-8", 1))
t("str() decode", lambda: str(b"\xc3\xa9", "utf-8"))
t("str() errors", lambda: str(b"\xff", "utf-8", "replace"))
t("str() strict", lambda: str(b"a\xff", "utf-8"))
t("str() bytearray", lambda: str(bytearray(b"abc"), "ascii"))
t("str() memoryview", lambda: str(memoryview(b"abc"), encoding="ascii"))
try:
    b"x\xffy".decode()
except UnicodeDecodeError as e:
    print(isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    b"x\xffy".decode()
except ValueError as e:
    print("caught as ValueError", type(e).__name__)
t("surrogateescape roundtrip", lambda: bytes(b"a\xff\xfe".decode("utf-8", "surrogateescape"), "utf-8", "surrogateescape"))

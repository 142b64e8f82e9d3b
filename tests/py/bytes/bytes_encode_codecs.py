# str -> bytes through bytes()/bytearray() constructors: codecs and encode error handlers.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


texts = ["", "ascii", "caf\xe9", "\u20ac100", "\U0001f600", "a\xe9\u20ac\U0001f600z", "\xff\u0100"]
for s in texts:
    t(ascii(s) + " utf-8", lambda: bytes(s, "utf-8"))
    for enc in ("ascii", "latin-1"):
        for errors in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
            t("   " + enc + " " + errors, lambda: bytes(s, enc, errors))
t("runs", lambda: bytes("ab\xe9\xe8c\xe7", "ascii"))
t("run latin", lambda: bytes("\u0100\u0101x\u0102", "latin-1"))
t("surrogate", lambda: bytes("a\ud800b", "utf-8"))
t("surrogates run", lambda: bytes("\ud800\udfff", "utf-8"))
t("surrogate replace", lambda: bytes("a\ud800b", "utf-8", "replace"))
t("surrogate ignore", lambda: bytes("a\ud800b", "utf-8", "ignore"))
t("surrogate backslash", lambda: bytes("a\ud800b", "utf-8", "backslashreplace"))
t("surrogate xml", lambda: bytes("a\ud800b", "utf-8", "xmlcharrefreplace"))
t("surrogateescape", lambda: bytes("a\udcff\udc80", "utf-8", "surrogateescape"))
t("surrogateescape ascii", lambda: bytes("a\udcff", "ascii", "surrogateescape"))
t("surrogateescape bad", lambda: bytes("a\ud800", "utf-8", "surrogateescape"))
t("surrogatepass", lambda: bytes("a\ud800", "utf-8", "surrogatepass"))
t("surrogatepass ascii", lambda: bytes("\ud800", "ascii", "surrogatepass"))
t("unknown handler", lambda: bytes("\xe9", "ascii", "bogus"))
t("unknown handler unused", lambda: bytes("e", "ascii", "bogus"))
t("unknown codec", lambda: bytes("e", "bogus"))
t("errors not str", lambda: bytes("e", "ascii", 5))
t("bytearray", lambda: bytearray("\u20ac", "utf-8"))
t("bytearray ascii", lambda: bytearray("\u20ac", "ascii"))
t("bytearray replace", lambda: bytearray("x\u20ac", "ascii", "replace"))

# str methods at the edges: empty strings, non-ASCII positions, out-of-range start/end, bad arguments.
def t(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__


s = "héllo wörld, héllo"
big = 10 ** 30
# find family with start/end counted in code points
print(s.find("llo"), s.find("llo", 3), s.find("llo", 4), s.rfind("llo"), s.rfind("llo", 0, 17))
print(s.find("ö"), s.index("ö"), s.rfind("é"), s.rindex("é", 0, 5), s.count("é"), s.count("l", 2, -2))
print(s.find("", 3), s.find("", 18), s.find("", 19), s.rfind(""), s.rfind("", 2, 5), s.count(""))
print(s.find("h", -5), s.find("h", -100), s.find("h", big), s.find("d", -big, big), s.count("l", -big))
print(s.find("h", None, None), s.find("h", 1, None), s.count("", 3, 1), s.count("", 25))
print(t(lambda: s.index("xyz")), t(lambda: s.rindex("h", 1, 13)), t(lambda: s.find(1)))
print(t(lambda: s.find("a", "b")), t(lambda: s.find("a", 1.5)), t(lambda: s.count(None)))
print("".find(""), "".rfind(""), "".count(""), "".find("a"), "".count("a"), "aaaa".count("aa"))
print("abcabc".find("c", 2, 3), "abcabc".find("bc", 1, 2), "€€€".rfind("€", -2), "€€€".rfind("€", 0, -1))
# startswith / endswith
print(s.startswith("hé"), s.startswith("é", 1), s.startswith(("x", "héllo")), s.endswith("llo", 0, 5))
print(s.endswith("ö", 0, 8), s.endswith(("w", "ö"), 0, 8), s.startswith("", 18), s.startswith("", 19))
print(s.endswith(""), "".startswith(""), "".endswith("a"), s.startswith("h", -big), s.endswith("o", 0, big))
print(t(lambda: s.startswith(["h"])), t(lambda: s.endswith(("h", 1))), t(lambda: s.startswith()))
# split and friends
print("a  b \t c\n".split(), " a b ".split(None, 1), " a b ".rsplit(None, 1), "a b c".split(maxsplit=0))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), ",".split(","), "".split(","), "".split())
print("a\u00a0b\u3000c\u2028d".split(), "x\u00a0\u00a0".split("\u00a0"), "a b".split(" ", -1))
print("ab".split(sep="b", maxsplit=5), "a-b-c".rsplit(sep="-", maxsplit=1), "  ".split(" "))
print("é,ü,ö".split(","), "éxüxö".rsplit("x", 1), "日本語".split("本"))
print(t(lambda: "a".split("")), t(lambda: "a".split(1)), t(lambda: "a".split(",", "1")))
print(t(lambda: "a".split(foo=1)), t(lambda: "a".rsplit(",", 1, 2)))
print("a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l".splitlines())
print("a\r\n\nb\n".splitlines(True), "".splitlines(), "\n".splitlines(), "x".splitlines(keepends=True))
print("one\r".splitlines(1), t(lambda: "a".splitlines("x")))
# partition
print("a=b=c".partition("="), "a=b=c".rpartition("="), "é→ü→ö".partition("→"), "é→ü".rpartition("x"))
print(t(lambda: "a".partition("")), t(lambda: "a".rpartition(None)))
# strip
print(repr(" \t\n x \x0b\x0c\r ".strip()), repr("\u00a0\u2003x\u3000".strip()), repr("xyx".strip("x")))
print("ééaéé".strip("é"), "€a€".lstrip("€"), "€a€".rstrip("€"), "abc".strip(""), "abc".strip(None))
print(repr("".strip()), repr("   ".strip()), "aXbXa".strip("ab"), t(lambda: "a".strip(1)))
# padding
print(repr("é".center(4)), repr("é".center(5, "·")), repr("ab".center(5, "*")), repr("abc".center(6)))
print(repr("ü".ljust(3, "€")), repr("ü".rjust(3, "€")), repr("x".rjust(-1)), repr("".center(3, "-")))
print("-3".zfill(5), "+é".zfill(4), "".zfill(3), "é".zfill(3), "12".zfill(-2), "--1".zfill(4))
print(t(lambda: "a".center(5, "ab")), t(lambda: "a".center(5, 1)), t(lambda: "a".ljust("5")))
print(t(lambda: "a".zfill(1.5)), t(lambda: "a".center()))
print(repr("a\tbé\tc".expandtabs(3)), repr("\t\n\tx".expandtabs(2)), repr("a\tb".expandtabs(0)))
print(repr("a\tb".expandtabs(-1)), repr("ab\r\tc".expandtabs(4)), repr("a\tb".expandtabs(tabsize=1)))
# join and replace
print("-".join(["é", "ü"]), "".join([]), "é".join("abc"), ",".join(x for x in "xyz"), "".join(("a",)))
print(t(lambda: ",".join(["a", 1])), t(lambda: ",".join(5)), t(lambda: ",".join([b"a"])))
print("aaa".replace("a", "b", 2), "aaa".replace("a", "b", 0), "aaa".replace("a", "b", -1), "abc".replace("", "."))
print("éé".replace("", "-"), "éé".replace("", "-", 2), "".replace("", "x"), "abc".replace("abcd", "x"))
print("xéxéx".replace("é", "€"), "aaaa".replace("aa", "b"), "a".replace("a", ""), "ab".replace("b", "bbb"))
print(t(lambda: "a".replace(1, "b")), t(lambda: "a".replace("a", None)), t(lambda: "a".replace("a", "b", "c")))
# removeprefix / removesuffix
print("éab".removeprefix("é"), "abé".removesuffix("é"), "ab".removeprefix(""), "ab".removesuffix("abc"))
print(t(lambda: "a".removeprefix(None)))


class S(str):
    pass


sub = S("  Sub Str  ")
print(type(sub.strip()).__name__, type(sub.upper()).__name__, type(S("x").strip()).__name__)
print(sub.split(), "-".join([S("a"), S("b")]), S("abc").find("c"), "xSx".split(S("S")))
print(str.upper("abc"), str.find("abc", "c"), t(lambda: str.upper(1)), t(lambda: str.upper()))

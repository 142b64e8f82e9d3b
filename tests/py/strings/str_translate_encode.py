# translate, maketrans and encode: mapping kinds, codecs, error handlers.
def t(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__


class Table:
    def __getitem__(self, k):
        if k == ord("a"):
            return "A"
        raise LookupError(k)


print(str.maketrans("abc", "xyz"), str.maketrans("ab", "é€", "c"), str.maketrans({"a": "1", 98: None, "é": 7}))
tab = str.maketrans("aé", "€b", "x")
print("aéxz".translate(tab), "héllo".translate({ord("l"): "L", ord("o"): None}), "abc".translate({97: 0x1F600}))
print("abc".translate(Table()), "abc".translate(["x", "y", None]), "abc".translate("XYZ"), "".translate({}))
print("ab".translate({97: "long text", 98: ""}), "é日".translate({0x65e5: "日本"}), "aaa".translate({97: 98}))
print(t(lambda: "a".translate({97: -1})), t(lambda: "a".translate({97: 0x110000})), t(lambda: "a".translate({97: 1.5})))
print(t(lambda: "a".translate(5)), t(lambda: str.maketrans("ab", "c")), t(lambda: str.maketrans({"ab": 1})))
print(t(lambda: str.maketrans({1.5: 1})), t(lambda: str.maketrans("a")), t(lambda: str.maketrans(1, "a")))
print(t(lambda: str.maketrans("a", "b", 3)), t(lambda: str.maketrans()), t(lambda: str.maketrans("a", "b", "c", "d")))
s = "aé€😀"
print(s.encode(), s.encode("utf-8"), s.encode("UTF8"), s.encode(encoding="utf_8"), "abc".encode("ascii"))
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("latin-1", "replace"), "é".encode("latin1"))
print(s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"), "".encode(), "a".encode("l1"))
print(s.encode(errors="replace", encoding="ascii"), "a".encode("ascii", "bogus"), "ÿ".encode("iso-8859-1"))
for args in [("ascii",), ("latin-1",), ("bogus",), (1,), ("ascii", 1), ("ascii", "bogus"), ("utf-8", "x", "y")]:
    print(args, t(lambda: s.encode(*args)))
print(t(lambda: "\ud800".encode()), "\ud800".encode("utf-8", "replace"), "\ud800".encode("utf-8", "ignore"))
print(t(lambda: s.encode(foo="x")), t(lambda: s.encode("utf-8", encoding="utf-8")))
try:
    "aé€".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, isinstance(e, ValueError), isinstance(e, UnicodeError))

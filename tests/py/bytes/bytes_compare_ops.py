# Operators on bytes and bytearray: comparisons, +, *, in, len, hash, bool.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


values = [b"", b"\x00", b"\x00\x00", b"a", b"ab", b"b", b"\xff", b"\xff\x00"]
for x in values:
    print(repr(x), [(x < y, x <= y, x == y, x != y, x > y, x >= y) for y in values[:4]])
print(sorted(values, reverse=True))
print(sorted([bytearray(v) for v in values]) == sorted(values))

t("bytes == str", lambda: b"ab" == "ab")
t("bytes != str", lambda: b"ab" != "ab")
t("bytes == int", lambda: b"a" == 97)
t("bytes == bytearray", lambda: b"ab" == bytearray(b"ab"))
t("bytearray == bytes", lambda: bytearray(b"ab") == b"ab")
t("bytes < bytearray", lambda: b"ab" < bytearray(b"ac"))
t("bytearray < bytes", lambda: bytearray(b"ab") < b"ab\x00")
t("bytes == memoryview", lambda: b"ab" == memoryview(b"ab"))
t("bytearray == memoryview", lambda: bytearray(b"ab") == memoryview(b"ab"))
t("bytes < str", lambda: b"a" < "b")
t("bytearray > str", lambda: bytearray(b"a") > "b")
t("bytes < int", lambda: b"a" < 1)
t("bytes < memoryview", lambda: b"a" < memoryview(b"b"))

t("concat", lambda: b"ab" + b"cd")
t("concat empty", lambda: b"" + b"")
t("concat bytearray", lambda: b"ab" + bytearray(b"cd"))
t("concat memoryview", lambda: b"ab" + memoryview(b"cd"))
t("bytearray concat", lambda: bytearray(b"ab") + b"cd")
t("bytearray concat mv", lambda: bytearray(b"ab") + memoryview(b"\xff"))
t("concat str", lambda: b"ab" + "cd")
t("concat int", lambda: b"ab" + 1)
t("bytearray concat str", lambda: bytearray(b"ab") + "cd")
t("concat list", lambda: b"ab" + [1])
t("str + bytes", lambda: "ab" + b"cd")

t("repeat", lambda: b"ab" * 3)
t("repeat left", lambda: 3 * b"ab")
t("repeat zero", lambda: b"ab" * 0)
t("repeat negative", lambda: b"ab" * -5)
t("repeat bool", lambda: b"ab" * True)
t("repeat empty", lambda: b"" * 100)
t("repeat bytearray", lambda: bytearray(b"\x00\xff") * 2)
t("repeat bytearray left", lambda: 2 * bytearray(b"x"))
t("repeat str", lambda: b"ab" * "x")
t("repeat float", lambda: b"ab" * 1.5)
t("repeat huge", lambda: b"ab" * 2**80)
print(len(b"abc" * 1000), (b"abc" * 1000)[2997:])


class RMul:
    def __rmul__(self, other):
        return "rmul " + repr(other)

    def __radd__(self, other):
        return "radd " + repr(other)


t("rmul hook", lambda: b"ab" * RMul())
t("radd hook", lambda: b"ab" + RMul())

t("in int", lambda: 98 in b"abc")
t("in int missing", lambda: 100 in b"abc")
t("in zero", lambda: 0 in b"a\x00")
t("in 255", lambda: 255 in b"\xff")
t("in bytes", lambda: b"bc" in b"abc")
t("in empty", lambda: b"" in b"")
t("in bytearray", lambda: bytearray(b"c") in b"abc")
t("in memoryview", lambda: memoryview(b"ab") in b"abc")
t("in bytearray self", lambda: b"x" in bytearray(b"xyz"))
t("in str", lambda: "a" in b"abc")
t("in 256", lambda: 256 in b"abc")
t("in -1", lambda: -1 in b"abc")
t("in float", lambda: 1.0 in b"abc")
t("in huge", lambda: 2**70 in b"abc")

t("len", lambda: (len(b""), len(b"\x00"), len(bytearray(300))))
t("bool", lambda: (bool(b""), bool(b"\x00"), bool(bytearray()), bool(bytearray(1))))
t("hash eq", lambda: hash(b"abc") == hash(b"ab" + b"c"))
t("hash str eq", lambda: hash(b"abc") == hash("abc"))
t("hash bytearray", lambda: hash(bytearray(b"a")))
t("dict key", lambda: {b"k": 1, b"k" + b"": 2})
t("set", lambda: sorted({b"a", b"b", b"a", bytes(b"b")}))
t("bytearray dict key", lambda: {bytearray(b"k"): 1})

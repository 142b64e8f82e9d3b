"""Constants of every kind the format stores: ints of every size (small on one build and
big on the other), floats, str (unicode), bytes, nested tuples, None/True/False/Ellipsis."""

ints = (0, 1, -1, 2**15, -2**15, 2**30 - 1, 2**30, -2**30 - 1, 2**31, 2**32, 2**62, -2**62,
        2**63 - 1, -2**63, 2**63, 2**64, -2**64 - 1, 10**30, -(10**50), 2**1000 + 12345)
for i in ints:
    print(i, type(i).__name__, i.bit_length())
print(sum(ints) % 1000003, 0x7fffffff, 0xffffffffffffffff, 0o777, 0b1010, 1_000_000)

floats = (0.0, -0.0, 0.1, 1.5, -2.25, 1e300, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
          float("inf"), 3.141592653589793, 1e16, 123456789.123456789)
for f in floats:
    print(repr(f), f.hex() if hasattr(f, "hex") else "")
print(repr(1e999), repr(-1e999), 1e999 - 1e999 != 1e999 - 1e999)

strs = ("", "a", "ascii text", "héllo wörld", "日本語", "emoji 😀🎉", "e\u0301", "\x00\x01\x7f",
        "tab\tnewline\nquote'\"", "a" * 300, "long unicode ☃" * 40)
for s in strs:
    print(repr(s)[:80], len(s))

bs = (b"", b"\x00", bytes(range(256)), b"abc" * 100)
for b in bs:
    print(repr(b)[:80], len(b), sum(b))

nested = (1, (2, (3, (4, (5, ("deep", b"bytes", 1.5, None))))), (), ((),), (True, False, ...))
print(nested, len(nested), nested[0], nested[1][1][1][1][1])
print(None, True, False, ..., Ellipsis is ..., type(...).__name__)


def uses_consts(x=(1, 2.5, "three", b"four", (5,))):
    return x, 2**70 + x[0], -0.5 * x[1]


print(uses_consts())

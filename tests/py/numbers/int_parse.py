# int() from str and bytes: bases, prefixes, underscores, whitespace, signs, and errors.
cases = ["0", "-0", "+0", "00", "0_0", "12", " 12 ", "\t-12\n", "+12", "1_000", "1_0_0",
         "0x1f", "0X1F", "0o17", "0b101", "0x_ff", "0b_1_0", "010", "0_7", "09", "1__0", "_1",
         "1_", "+_1", "0x", "0b", "0o", "- 1", "1 2", "", " ", "12a", "1.5", "1e3", "0x1g",
         "99999999999999999999", "-99999999999999999999", "\u00a05\u3000", "\u20037",
         "z", "Z", "zz", "0xdeadbeefcafebabe1234", "1" * 50, "-" + "7" * 40]
for s in cases:
    out = []
    for base in (0, 10, 2, 8, 16, 36, 3):
        try:
            out.append(int(s, base))
        except ValueError as e:
            out.append("VE")
    print(repr(s), out)
for s in ["abc", "", "1_", " 0x ", "12\x00", "\x1c5"]:
    for base in (10, 0, 16):
        try:
            print(int(s, base))
        except ValueError as e:
            print("ValueError", e)
for b in [b"12", b" -7 ", b"0x1f", b"1_000", bytearray(b"42"), bytearray(b"x"), b"\xff"]:
    try:
        print(int(b), int(b, 0))
    except ValueError as e:
        print("ValueError", e)
print(int(memoryview(b"123")), int("10", base=16), int(" 11 ", 2), int("z", 36), int("Z", 36))
print(int(), int(5), int(-5.9), int(5.9), int(True), int(1e20), int(-1e19), int(2.0**70))
for args, kw in [((1.5, 10), {}), (([],), {}), ((None,), {}), (("1", 1), {}), (("1", 37), {}),
                 (("1", -1), {}), ((), {"base": 10}), (("1", 2, 3), {}), ((b"1", 2.0), {})]:
    try:
        print(int(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for f in [float("inf"), float("-inf"), float("nan")]:
    try:
        int(f)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

class Idx:
    def __index__(self):
        return 42
class Tr:
    def __trunc__(self):
        return 7
class In:
    def __int__(self):
        return -3
print(int(Idx()), int(In()), int("11", Idx()) if False else int("11", 16))
try:
    print(int(Tr()))
except Exception as e:
    print(type(e).__name__)

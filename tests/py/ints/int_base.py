# int(str, base) parsing.
print(int("101", 2), int("777", 8), int("ff", 16), int("FF", 16), int("zz", 36))
print(int("0x1f", 16), int("0o17", 8), int("0b11", 2), int("  42  "), int("-0x10", 16))
print(int("0x1f", 0), int("0o17", 0), int("0b11", 0), int("123", 0), int("0", 0))
print(int("1_000", 10), int("f_f", 16), int("+10", 3))
print(int("12345678901234567890"), int("-" + "9" * 25))
for s, base in [("2", 2), ("8", 8), ("g", 16), ("012", 0), ("1__0", 10), ("_1", 10), ("0x", 16)]:
    try:
        int(s, base)
        print("parsed", s)
    except ValueError:
        print("ValueError", repr(s), base)
try:
    int("1", 1)
except ValueError:
    print("ValueError: base 1")
try:
    int("1", 37)
except ValueError:
    print("ValueError: base 37")
try:
    int(5, 10)
except TypeError:
    print("TypeError: int() can't convert non-string with explicit base")

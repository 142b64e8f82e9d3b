# Parsing numbers out of strings.
print(int("42"), int(" -7 "), int("+3"), int("1_000"))
print(float("1.5"), float("-0.25"), float(" 2e3 "), float("inf"), float("-inf"))
print(int("ff", 16), int("0xff", 16), int("0b101", 0), int("0o17", 0), int("z", 36))
print("12".isdigit() and int("12") * 2)
for bad in ["", "abc", "1.5", "1e3", "--1"]:
    try:
        int(bad)
        print("parsed", bad)
    except ValueError:
        print("ValueError for", repr(bad))
for bad in ["", "x", "1.2.3"]:
    try:
        float(bad)
    except ValueError:
        print("float ValueError for", repr(bad))

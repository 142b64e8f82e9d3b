# center, ljust, rjust, zfill, expandtabs.
print("[" + "ab".center(6) + "]", "[" + "ab".center(7, "*") + "]")
print("[" + "ab".ljust(5) + "]", "[" + "ab".rjust(5, ".") + "]")
print("[" + "long".ljust(2) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("a\tb\tc".expandtabs(4), "x\ty".expandtabs())
print("é".center(5, "-"))

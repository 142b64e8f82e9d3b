# float() from strings: forms accepted by CPython.
for s in ["1", "1.", ".5", "-1.5", "+2.5", "1e3", "1E-3", "  3.25  ", "1_0.5", "8",
          "123456789012345678901234567890", "1e400", "-1e400", "1e-400", "0.1", "00.5", "5e0"]:
    print(repr(s), float(s))
for bad in ["1..2", "e5", "1e", "abc", "1 2", "", ".", "_1", "1__0"]:
    try:
        float(bad)
        print("accepted", bad)
    except ValueError:
        print("ValueError", repr(bad))
print(float(5), float(-2 ** 60), float(True), float(1.5))

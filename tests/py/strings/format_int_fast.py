# format() and f-strings of small ints with "[0][width][d]" specs take a shortcut; the other
# specs, big ints, bools and subclasses keep the general path. All must agree with CPython.
specs = ["", "d", "0", "00", "0d", "1", "5", "05", "05d", "5d", "005", "010d", "99", "099",
         "100", "0100d", "12d", "3", "03", "+05d", "-5d", " 5d", "<5d", ">05", "_d", ",d",
         "05x", "5n", "=+8", "02", "x", "#05x"]
values = [0, 1, -1, 7, -7, 42, -42, 12345, -12345, 99999, 10**9, -10**9, 2**62 - 1, -2**62,
          2**63, -2**63, 10**25, True, False]
for v in values:
    print(v, "|".join("[" + format(v, s) + "]" for s in specs))
for i in range(-12, 12, 5):
    print(f"{i:05d}|{i % 7}|{i:3}|{i:03}|{i:0}|{i:d}|{-i:04d}")


class I(int):
    pass


class F(int):
    def __format__(self, spec):
        return "F(" + spec + ")"


print(format(I(5), "05d"), f"{I(-5):4}", format(F(5), "05d"), f"{F(1):03}")
for bad in ["05s", "05.2d", "0s"]:
    try:
        format(5, bad)
    except ValueError as e:
        print("ValueError", e)

# Converting big ints to and from strings in several bases.
n = 2 ** 200 - 1
s = str(n)
print(s, len(s), int(s) == n)
print(hex(n), oct(2 ** 65), bin(2 ** 70 + 5))
print(int("f" * 40, 16) == 16 ** 40 - 1, int("1" * 100, 2) == 2 ** 100 - 1)
print(int("-" + "7" * 50), int("z" * 20, 36))
print(repr(-(10 ** 50)), str(10 ** 50)[:5], "%d" % 10 ** 25, "{:,}".format(10 ** 20))
print(format(2 ** 70, "x"), f"{-(2 ** 70):d}")

# format() and str.format specs for ints, str()/repr() in every base helper.
vals = [0, 7, -7, 255, -255, 1234567, -1234567, 2**64, -(2**70), 10**30]
specs = ["", "d", "x", "X", "o", "b", "#x", "#X", "#o", "#b", "+d", " d", "-d", "10d", "<10d",
         "^10", ">10", "*^12", "010d", "+010d", "010x", ",", "_", "_x", "_b", ",d", "#_x",
         "=+12,", "e", ".3e", "f", ".2f", "g", "%", ".1%", "E", "G", "n", "12.4f"]
for v in vals:
    print(v, [format(v, s) for s in specs])
for v in vals:
    print(str(v), repr(v), hex(v), oct(v), bin(v), "%d %x %o" % (v, v, v))
print(format(65, "c"), format(0x263a, "c"), format(0x1f600, ">3c"), format(True, ""), format(True, "d"),
      format(False, "5"), f"{True:>6}", f"{3:*>5}", "{:08.3f}".format(2))
for v, s in [(1, "s"), (1, ".2d"), (1, "+c"), (1, "#c"), (-1, "c"), (0x110000, "c"), (1, ",_"),
             (1, "z"), (1, "zd")]:
    try:
        print(format(v, s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
big = 7 ** 1000
s = str(big)
print(len(s), s[:30], s[-30:], int(s) == big, hex(big)[:20], len(bin(big)))
print(format(big, ",")[:40], format(-big, "x")[:20])

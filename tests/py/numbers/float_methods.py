# float methods: is_integer, as_integer_ratio, hex/fromhex, trunc/floor/ceil, real/imag.
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1e300, -2.5e-310, 5e-324, 1.7976931348623157e308, 3.0, 2.0**53,
        123.456, 1 / 3, -7.25]
for v in vals:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v,
          v.conjugate(), v.real, v.imag, int(v), v.__trunc__(), v.__floor__(), v.__ceil__())
for v in [float("inf"), float("-inf"), float("nan")]:
    print(v.is_integer(), v.hex(), float.fromhex(v.hex()))
    for f in (v.as_integer_ratio, v.__floor__, v.__trunc__, v.__ceil__):
        try:
            print(f())
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)
for s in ["0x1p0", "0x1.8p1", "-0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1.fffffffffffff8p1023",
          "0x1.fffffffffffff7p1023", "0X1.FFFFFFFFFFFFFP+1023", "  0x.8p1  ", "1", "a", "0x10", "0x1.",
          "0x.1", "inf", "-Infinity", "nan", "0x1p", "0x", "0xg", "0x1p+", "1p5", "0x1.0000000000000800001p0",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "0x0p99999999999999", "0x1p-99999999999999",
          "0x1.1p-1070", "-0x0.0p0", "0x1_0p0"]:
    try:
        print(s.strip(), float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(s.strip(), type(e).__name__, e)
print(float.fromhex("0x1p1") + 1, (2.5).hex(), (-0.1).hex(), (1e-320).hex())

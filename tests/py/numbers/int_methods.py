# int methods and attributes: bit_length, bit_count, to_bytes, from_bytes, ratios, round.
vals = [0, 1, -1, 7, -8, 255, 256, -256, 2**31, 2**32 - 1, 2**63, -(2**63), 2**64, 10**25, -(3**90)]
for v in vals:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag,
          v.numerator, v.denominator, v.__index__(), v.__trunc__(), v.__floor__(), v.__ceil__())
for v, n in [(0, 1), (1, 1), (255, 1), (256, 2), (-1, 1), (-128, 1), (127, 1), (-129, 2),
             (2**64 - 1, 8), (-(2**63), 8), (2**63 - 1, 8), (10**20, 9), (-(10**20), 9),
             (2**100, 13), (-(2**100), 13), (0, 0), (65535, 3)]:
    for order in ("big", "little"):
        for signed in (False, True):
            try:
                b = v.to_bytes(n, order, signed=signed)
                back = int.from_bytes(b, order, signed=signed)
                print(v, n, order, signed, b, back == v)
            except OverflowError as e:
                print(v, n, order, signed, "OverflowError", e)
print((1024).to_bytes(2), (65).to_bytes(), int.from_bytes(b"\x01\x00"), int.from_bytes(b""))
print(int.from_bytes([1, 2, 3], "little"), int.from_bytes(bytearray(b"\xff\xff"), "big", signed=True))
print(int.from_bytes(b"\x80" + b"\x00" * 20, "big", signed=True), int.from_bytes(b"\xff" * 17, "little"))
print(int.from_bytes(b"\x00\x80", "little", signed=True), int.from_bytes(memoryview(b"\x12\x34"), "big"))
print(bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)
for f in (lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big"),
          lambda: int.from_bytes(b"\x01", "x"), lambda: int.from_bytes([256], "big")):
    try:
        f()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
# round() of ints: ties to even at any negative digit position
for v in [0, 5, 15, 25, 35, -5, -15, -25, 149, 150, 151, 250, 1234567, -1234567, 10**20 + 5 * 10**9]:
    print(v, round(v), round(v, 0), round(v, 2), round(v, -1), round(v, -2), round(v, -3), round(v, -10))
print(round(5, -100), round(-10**30, -29), round(10**30 + 5 * 10**28, -29), type(round(7, -1)).__name__)
print(round(5, 10**30), round(-(10**40), 2**70), round(7, True))
print(round(True), round(True, 1), type(round(True)).__name__, round(2**200 + 1, -50) == round(2**200, -50))

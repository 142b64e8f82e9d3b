# hash() of ints and floats equals CPython's on 64-bit builds (modulus 2**61 - 1).
import sys
if getattr(sys, "maxsize", 0) < 2**62:
    print("SKIP: hash values are those of a 64-bit build")
    raise SystemExit
ints = [0, 1, -1, 2, -2, 2**31, 2**61 - 2, 2**61 - 1, 2**61, 2**62, 2**62 - 1, -(2**62),
        -(2**61) + 1, -(2**61), 2**63, 2**64 + 5, -(2**64) - 5, 2**122 - 1, 2**122,
        10**30, -(10**30), 123456789012345678901234567890, 3**300, -(7**200)]
print([hash(i) for i in ints])
floats = [0.0, -0.0, 0.5, -0.5, 1.5, 3.14159, -2.5e-7, 1e-300, 5e-324, 1e300, 1.7976931348623157e308,
          2.0**61, 2.0**62, 2.0**63, 1 / 3, 2 / 3, 0.1, 123456.789, -9.87654321e100,
          float("inf"), float("-inf")]
print([hash(f) for f in floats])
print(hash(0.5) == 1152921504606846976, hash(2.0**-1074), hash(-2.0**-1022))
print([hash(x) for x in (True, False, 1.0, 1, 2**61 - 1 + 0.0)])

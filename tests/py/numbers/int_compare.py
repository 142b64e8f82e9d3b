# int comparisons, and exact comparisons between ints and floats (even past 2**53).
vals = [0, 1, -1, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61) + 1, -(2**61), 2**63,
        2**64 + 5, -(2**64) - 5, 2**122 - 1, 10**30, -(10**30), 123456789012345678901234567890]
for a in vals:
    print(a, [(a < b, a <= b, a == b, a != b, a > b, a >= b) for b in vals])
big = 2**53
print(big + 1 > float(big), big + 1 == float(big + 1), float(big + 1) == big, big + 1 != float(big))
print(2**1024 > 1e308, -(2**1024) < -1e308, 10**400 > float("inf"), 10**400 < float("inf"))
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0, 2**63 == 9.223372036854775808e18)
print(2**63 + 1 == 9.223372036854775808e18, 2**63 + 1 > 9.223372036854775808e18)
print(10**16 + 1 > 1e16, 10**16 + 1 == 1e16, 10**16 == 1e16, -(10**16) - 1 < -1e16)
print(1e16 < 10**16 + 1, 1e16 >= 10**16, 0.5 < 1, -0.5 > -1, 2.5 > 2, -2.5 < -2)
for f in [0.0, 0.5, -0.5, 1.0, 1e15 + 0.5, 2.0**53, 2.0**53 + 2, 2.0**64, -2.0**64, 1e300]:
    for i in [0, 1, -1, 2**53, 2**53 + 1, 2**64, -(2**64), 2**64 + 1, int(1e300), int(1e300) + 1]:
        print(f, i, f < i, f <= i, f == i, f != i, f > i, f >= i, i < f, i == f, i > f)
nan, inf = float("nan"), float("inf")
print(1 == nan, 1 != nan, 1 < nan, 10**100 > nan, 10**100 != nan, nan == 10**100, nan < 2**100)
print(inf > 10**1000, -inf < -(10**1000), inf == 10**1000, 10**1000 < inf)
print(3 < 3.5 < 4, sorted([3, 2.5, 10**20, -1e30, 1e20, 2**66, 7]))
print(max(2**64, 1.8e19), min(-(2**64), -1.8e19), 2**64 in [float(2**64)])
print({1: "a", 1.0: "b", True: "c"}, {2**64: 1, float(2**64): 2}, len({0, 0.0, False, -0.0}))
print(hash(-1), hash(-2), hash(True), hash(False), hash(0), hash(1.0), hash(-1.0), hash(2.0))
print(hash(2**64) == hash(float(2**64)), hash(-(2**80)) == hash(-(2.0**80)))
print(hash(10**20) == hash(1e20), hash(int(1e300)) == hash(1e300))

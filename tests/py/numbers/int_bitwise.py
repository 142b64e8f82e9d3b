# & | ^ ~ << >> with Python's infinite two's complement, on small and big ints.
vals = [0, 1, -1, 5, -5, 255, -256, 2**31 - 1, -2**31, 2**32, -2**32 - 1,
        2**62, -2**62 - 1, 2**64 - 1, -2**64, 2**100 + 12345, -(2**100) + 7, -(2**130) - 1]
for a in vals:
    print(a, [(a & b, a | b, a ^ b) for b in vals])
for a in vals:
    print(a, ~a, [a << s for s in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100)])
    print(a, [a >> s for s in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200, 10**30)])
# identities
bad = 0
for a in vals:
    for b in vals:
        if (a & b) + (a | b) != a + b or (a ^ b) != (a | b) - (a & b) or ~(a & b) != (~a | ~b):
            bad += 1
print("identity failures:", bad)
print(1 << 200 >> 199, -1 << 1000 >> 1000, (-(2**70) >> 3) == -(2**67))
print(0 << 10**20, 0 >> 5, -7 >> 1, -8 >> 1, -1 >> 100)
for a, s in [(1, -1), (2**80, -3), (-5, -2**70)]:
    for f in (lambda: a << s, lambda: a >> s):
        try:
            f()
        except ValueError as e:
            print("ValueError", e)

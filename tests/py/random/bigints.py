# randrange/randint over ranges beyond the machine word
import random
random.seed(31337)
for lo, hi in [(0, 2**64), (2**100, 2**100 + 10), (-10**40, 10**40), (0, 3**200)]:
    vals = [random.randrange(lo, hi) for _ in range(200)]
    print(all(lo <= v < hi for v in vals), len(set(vals)) > 1)
vals = [random.randint(2**70, 2**70 + 2) for _ in range(200)]
print(sorted(set(v - 2**70 for v in vals)))
vals = [random.randrange(0, 10**30, 10**29) for _ in range(300)]
print(sorted(set(v // 10**29 for v in vals)), all(v % 10**29 == 0 for v in vals))
print(max(random.randrange(2**200) for _ in range(100)).bit_length() > 190)

# getrandbits: widths, big results, errors
import random
random.seed(99)
for k in [0, 1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 100, 1000]:
    vals = [random.getrandbits(k) for _ in range(50)]
    print(k, all(0 <= v < 2**k or (k == 0 and v == 0) for v in vals), max(vals).bit_length() <= k)
bits = [random.getrandbits(1) for _ in range(400)]
print(sorted(set(bits)), 150 < sum(bits) < 250)
big = random.getrandbits(4096)
print(big.bit_length() > 4000, big.bit_length() <= 4096)
print(any(random.getrandbits(64) >= 2**63 for _ in range(100)))
for bad in [-1, -100]:
    try:
        random.getrandbits(bad)
    except ValueError as e:
        print('ValueError', e)
for bad in [1.5, '8', None]:
    try:
        random.getrandbits(bad)
    except TypeError:
        print('TypeError')
print(type(random.getrandbits(True)).__name__)

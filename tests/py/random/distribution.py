# rough uniformity: bucket counts of randrange and random stay near the mean
import random
random.seed(123456789)
N = 60000
counts = [0] * 6
for _ in range(N):
    counts[random.randrange(6)] += 1
print(all(9400 < c < 10600 for c in counts))
buckets = [0] * 10
for _ in range(N):
    buckets[int(random.random() * 10)] += 1
print(all(5600 < c < 6400 for c in buckets))
bits = [0] * 32
for _ in range(4000):
    v = random.getrandbits(32)
    for i in range(32):
        bits[i] += (v >> i) & 1
print(all(1800 < c < 2200 for c in bits))
pairs = {}
prev = random.randrange(4)
for _ in range(16000):
    cur = random.randrange(4)
    pairs[(prev, cur)] = pairs.get((prev, cur), 0) + 1
    prev = cur
print(len(pairs), all(800 < c < 1200 for c in pairs.values()))

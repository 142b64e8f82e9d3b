# values stay in their ranges, and every value of a small range shows up
import random
random.seed(2024)
r = [random.random() for _ in range(2000)]
print(all(0.0 <= x < 1.0 for x in r), min(r) < 0.01, max(r) > 0.99)
v = [random.randrange(6) for _ in range(1000)]
print(sorted(set(v)), all(type(x) is int for x in v))
v = [random.randint(1, 3) for _ in range(300)]
print(sorted(set(v)))
v = [random.randrange(10, 20, 3) for _ in range(300)]
print(sorted(set(v)))
v = [random.randrange(20, 10, -4) for _ in range(300)]
print(sorted(set(v)))
v = [random.randrange(-5, 0) for _ in range(300)]
print(sorted(set(v)))
u = [random.uniform(5, 10) for _ in range(500)]
print(all(5 <= x <= 10 for x in u), all(type(x) is float for x in u))
u = [random.uniform(10, 5) for _ in range(500)]
print(all(5 <= x <= 10 for x in u))
print(random.uniform(3, 3), random.randint(7, 7), random.randrange(1), random.randrange(5, 6))
mean = sum(random.random() for _ in range(20000)) / 20000
print(0.48 < mean < 0.52)

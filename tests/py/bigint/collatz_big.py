# Collatz steps from a large starting value.
n = 2 ** 100 + 1
steps = 0
peak = n
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    peak = max(peak, n)
    steps += 1
print(steps, peak)

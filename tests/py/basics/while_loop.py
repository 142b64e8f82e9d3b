# while loops with break and continue.
i = 0
total = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    total += i
print(total)

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)

while True:
    steps -= 50
    if steps < 0:
        break
print(steps)
a, b = 0, 1
fib = []
while len(fib) < 15:
    fib.append(a)
    a, b = b, a + b
print(fib)

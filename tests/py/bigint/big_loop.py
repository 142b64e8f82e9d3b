# Accumulating big ints in a loop: powers of 3 and their digit counts.
x = 1
digits = []
for i in range(0, 300):
    if i % 50 == 0:
        digits.append(len(str(x)))
    x *= 3
print(digits)
print(x % (2 ** 61 - 1), x.bit_length())
total = sum(2 ** k for k in range(200))
print(total == 2 ** 200 - 1)

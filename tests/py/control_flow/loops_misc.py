# Loops over changing data, counters and early exits.
total = 0
for i in range(1, 6):
    for j in range(i):
        total += j
print(total)
matrix = [[1, 2], [3, 4], [5, 6]]
for row in matrix:
    row.append(sum(row))
print(matrix)
n = 100
iterations = 0
while n > 1:
    n //= 3
    iterations += 1
print(n, iterations)
words = []
for w in "one two three four".split():
    if len(w) == 3:
        continue
    words.append(w)
print(words)

# Iterating ranges, reversed ranges and a range reused twice.
r = range(3)
print(list(r), list(r), sum(r))
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))))
it = iter(range(2))
print(next(it), next(it), next(it, "end"))
total = 0
for i in range(1, 1001):
    total += i
print(total)
print(sum(range(-10, 11)), max(range(7)), min(range(3, 9)))
print(list(zip(range(3), range(10, 13))))

# Iterating, sorting and converting tuples.
t = (5, 3, 8, 1)
print(sorted(t), tuple(sorted(t)), list(t), sum(t), min(t), max(t))
print(tuple(reversed(t)), tuple(enumerate(t))[1])
print(tuple(zip(t, t[1:])))
for v in t[:2]:
    print(v)
print(t[1:3] + t[:1])

# Sets of small non-negative ints and changing size during iteration.
s = {5, 3, 1, 4, 2}
print(sorted(s), sum(s), min(s), max(s), len(s))
try:
    for x in s:
        s.add(x + 10)
except RuntimeError:
    print("RuntimeError: Set changed size during iteration")
t = {1, 2, 3}
for x in list(t):
    t.discard(x)
print(t)

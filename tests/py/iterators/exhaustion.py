# Exhausted iterators, StopIteration, and mixing next() with for loops.
it = iter(range(5))
for x in it:
    if x == 2:
        break
print(list(it))
it = iter("abcdef")
pairs = list(zip(it, it))
print(pairs)
it = iter([1, 2, 3])
print(1 in it, list(it))
print(4 in iter([1, 2, 3]))
gen = (x for x in range(3))
print(list(gen), sum(gen))

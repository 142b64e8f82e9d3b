# Iterating over a copy while mutating, and filtering in place.
l = list(range(10))
for x in l[:]:
    if x % 3 == 0:
        l.remove(x)
print(l)
l[:] = [x for x in l if x % 2]
print(l)
i = 0
while i < len(l):
    if l[i] > 5:
        del l[i]
    else:
        i += 1
print(l)
seen = []
items = [1, 2, 3]
for x in items:
    seen.append(x)
    if x == 1:
        items.append(4)
print(seen)

# Removing duplicates with sets while keeping order with a seen-set.
data = [5, 3, 5, 1, 3, 9, 1, 0]
print(sorted(set(data)))
seen = set()
ordered = []
for x in data:
    if x not in seen:
        seen.add(x)
        ordered.append(x)
print(ordered)
print(len(set(range(1000)) | set(range(500, 1500))))
print(len({i * i % 17 for i in range(100)}))

# Dict and set heavy work: counting, membership, grouping.
counts = {}
seen = set()
for i in range(1000000):
    k = (i * 2654435761) % 10007
    counts[k] = counts.get(k, 0) + 1
    if k % 3 == 0:
        seen.add(k)
groups = {}
for k, v in counts.items():
    groups.setdefault(v, []).append(k)
print(len(counts), len(seen), sorted(groups)[:5], sum(len(g) for g in groups.values()))

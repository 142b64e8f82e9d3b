# Counting and grouping with dicts.
text = "the cat and the hat sat on a mat by the big bat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
inverse = {}
for k, v in counts.items():
    inverse.setdefault(v, []).append(k)
print(inverse)

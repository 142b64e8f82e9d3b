# Many insertions and deletions keep the dict consistent.
d = {}
for i in range(5000):
    d[i * 31 % 5003] = i
print(len(d), d[0], d[31], d[62])
for i in range(0, 5003, 2):
    d.pop(i, None)
print(len(d), sum(d) % 1000, min(d), max(d))
s = {str(i): i for i in range(1000)}
print(len(s), s["999"], "1000" in s, sum(s.values()))
for i in range(1000):
    del s[str(i)]
print(s)

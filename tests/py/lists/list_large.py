# A larger list: growth, membership and removal.
l = []
for i in range(10000):
    l.append(i * 7 % 10007)
print(len(l), l[9999], sum(l), max(l), min(l))
print(5 in l, 10006 in l)
del l[100:]
print(len(l), l[-1])
l.extend(l)
print(len(l))
l = [0] * 5000
l[2500] = 1
print(l.index(1), l.count(0))

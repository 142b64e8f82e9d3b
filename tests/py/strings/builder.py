# Building a longer string piece by piece and checking its content.
parts = []
for i in range(100):
    parts.append("%03d" % i)
s = ",".join(parts)
print(len(s), s[:23], s[-11:])
acc = ""
for i in range(200):
    acc += chr(ord("a") + i % 26)
print(len(acc), acc[:30], acc.count("z"))
print(("ab" * 1000).count("ba"), len("x" * 10000))
table = "\n".join("%2d x %2d = %3d" % (i, 7, i * 7) for i in range(1, 4))
print(table)

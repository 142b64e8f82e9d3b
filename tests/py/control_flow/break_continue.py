# break and continue in nested loops affect only the innermost loop.
result = []
for i in range(4):
    if i == 1:
        continue
    for j in range(4):
        if j == 2:
            break
        if j == 0:
            continue
        result.append((i, j))
print(result)
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found)
count = 0
while True:
    count += 1
    if count < 5:
        continue
    break
print(count)

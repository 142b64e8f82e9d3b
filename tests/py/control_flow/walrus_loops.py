# Assignment expressions driving loops.
data = [3, 1, 4, 1, 5, 9, 2, 6]
it = iter(data)
while (v := next(it, None)) is not None:
    if v > 4:
        print("first > 4:", v)
        break
chunks = []
pos = 0
while chunk := data[pos:pos + 3]:
    chunks.append(chunk)
    pos += 3
print(chunks)
if any((bad := x) < 2 for x in data):
    print("found", bad)

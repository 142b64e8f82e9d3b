# Text and bytes streams together: encode/decode through BytesIO, CSV-like parsing.
import io

text = "name,qty\nbolt,10\nnut,25\nwasher,7\n"
raw = io.BytesIO(text.encode())
rows = [line.decode().rstrip("\n").split(",") for line in raw]
print(rows)
out = io.StringIO()
for name, qty in rows[1:]:
    out.write("%-8s%4d\n" % (name, int(qty) * 2))
print(out.getvalue(), end="")
data = io.BytesIO()
for i in range(5):
    data.write(bytes([i, 255 - i]))
print(data.getvalue().hex(), len(data.getvalue()))
data.seek(0)
pairs = []
while True:
    chunk = data.read(2)
    if not chunk:
        break
    pairs.append(tuple(chunk))
print(pairs)

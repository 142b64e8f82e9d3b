# String building, splitting, joining and formatting.
def run(rep):
    parts = []
    for i in range(60000):
        parts.append("item" + str(i + rep) + ":" + str(i * 3))
    text = ",".join(parts)
    fields = text.split(",")
    count = 0
    for f in fields:
        name, value = f.split(":")
        if name.endswith("7"):
            count += len(value)
    out = []
    for i in range(40000):
        out.append(f"{i:05d}|{i % 7}|{'x' * (i % 5)}")
    print(len(text), len(fields), count, len("".join(out)))


for rep in range(4):
    run(rep)

# Round trips between str and bytes in utf-8.
texts = ["ascii", "café", "€100", "日本", "😀!", ""]
for t in texts:
    b = t.encode("utf-8")
    print(repr(t), b, len(t), len(b), b.decode("utf-8") == t)
print(bytearray("é", "utf-8"), str(bytearray(b"ok"), "utf-8"))

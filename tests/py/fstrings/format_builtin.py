# format() builtin and str.format with the same specs as f-strings.
print(format(3.14159, ".2f"), format(42, "5d"), format("s", "^5"), format(255, "x"))
print(format(1234567, ","), format(12, "b"))
print("{:>8}|{:<8}|{:^8}|".format(1, 2, 3))
print("{0:{1}}|".format("w", 6))
print(format(True), format(None), format([1, 2]))

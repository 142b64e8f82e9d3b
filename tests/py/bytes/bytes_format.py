# Formatting bytes for output: hex() and str().
b = bytes(range(0, 256, 51))
print(b, b.hex())
print(" ".join("%02x" % x for x in b))
print(str(b"abc"), repr(bytearray(b"\x00a")))

# chr and ord across the unicode range.
for cp in [0, 65, 97, 127, 128, 233, 255, 256, 8364, 0x10000, 0x1F600, 0x10FFFF]:
    c = chr(cp)
    print(cp, ord(c) == cp, len(c), len(c.encode()))
print(ord("A"), chr(ord("A") + 1))
print("".join(chr(ord("a") + i) for i in range(26)))
try:
    ord("ab")
except TypeError:
    print("TypeError: ord of length-2 string")
try:
    chr(-1)
except ValueError:
    print("ValueError: chr(-1)")
try:
    chr(0x110000)
except ValueError:
    print("ValueError: chr too large")

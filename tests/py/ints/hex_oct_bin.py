# hex(), oct(), bin() and the matching format specs.
for v in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 32, -(2 ** 40)]:
    print(v, hex(v), oct(v), bin(v))
print(format(255, "x"), format(255, "X"), format(255, "o"), format(5, "b"))
print(format(255, "#x"), format(5, "#b"), format(8, "#o"))
print(format(255, "08b"), "{:04x}".format(10), "%04X" % 171)
try:
    hex(1.5)
except TypeError:
    print("TypeError")

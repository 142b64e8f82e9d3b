# bytes() and bytearray() constructors.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)))
print(bytes("héllo", "utf-8"), bytes(b"copy"), bytes(bytearray(b"ba")))
print(bytearray(), bytearray(2), bytearray([1, 2]), bytearray(b"xy"), bytearray("é", "utf-8"))
print(bytes((x * 2 for x in range(4))))
try:
    bytes([256])
except ValueError:
    print("ValueError: byte must be in range(0, 256)")
try:
    bytes("no encoding")
except TypeError:
    print("TypeError: string argument without an encoding")
try:
    bytes([-1])
except ValueError:
    print("ValueError for -1")

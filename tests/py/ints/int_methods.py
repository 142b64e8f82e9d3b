# Methods on ints: bit_length, to_bytes, from_bytes.
for v in [0, 1, 255, 256, -1, -256, 2 ** 70]:
    print(v, v.bit_length())
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big"), (65535).to_bytes(2, "big"))

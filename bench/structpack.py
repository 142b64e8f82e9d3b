# Bytes and struct: packing records, unpacking them, bytes building and checksums.
import struct

def run(rep):
    REC = struct.Struct("<HhIf")
    buf = bytearray()
    for i in range(30000):
        buf += REC.pack((i + rep) & 0xFFFF, -(i % 300), i * 2654435761 & 0xFFFFFFFF, i * 0.5)
    total = 0
    fsum = 0.0
    for off in range(0, len(buf), REC.size):
        a, b, c, d = REC.unpack_from(buf, off)
        total += a + b + (c & 0xFF)
        fsum += d
    packed = [struct.pack(">I", i) for i in range(20000)]
    joined = b"".join(packed)
    check = 0
    for i in range(0, len(joined), 4):
        check = (check * 31 + struct.unpack(">I", joined[i:i + 4])[0]) & 0xFFFFFFFF
    data = bytes(range(256)) * 200
    x = 0
    for byte in data:
        x ^= byte
    parts = data.split(b"\x00")
    hexed = data[:4096].hex()
    print(len(buf), total, fsum, check, x, len(parts), len(hexed), bytes.fromhex(hexed[:16]),
          data.count(b"\x10\x11"), data.find(b"\xfe\xff\x00\x01", 1000))


for rep in range(7):
    run(rep)

# types of unpacked values: int, float, bytes, bool
import struct
vals = struct.unpack('<bBhHiIqQ?efdcs3s2p', bytes(range(1, 53)))
print([type(v).__name__ for v in vals])
print(vals[:8])
print(vals[8:])

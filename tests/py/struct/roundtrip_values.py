# pseudo-random values of every code pack and unpack back to themselves
import struct
seed = 7
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 17) % n
ranges = {'b': (-128, 128), 'B': (0, 256), 'h': (-2**15, 2**15), 'H': (0, 2**16), 'i': (-2**31, 2**31),
          'I': (0, 2**32), 'q': (-2**63, 2**63), 'Q': (0, 2**64)}
ok = True
for order in '<>!=@':
    for code, (lo, hi) in ranges.items():
        for _ in range(200):
            v = lo + rnd(hi - lo)
            ok = ok and struct.unpack(order + code, struct.pack(order + code, v)) == (v,)
    for _ in range(200):
        d = (rnd(2**53) - 2**52) * 2.0 ** (rnd(200) - 100)
        ok = ok and struct.unpack(order + 'd', struct.pack(order + 'd', d)) == (d,)
        f = struct.unpack(order + 'f', struct.pack(order + 'f', d * 2.0 ** -80))[0]
        ok = ok and struct.unpack(order + 'f', struct.pack(order + 'f', f)) == (f,)
print(ok)

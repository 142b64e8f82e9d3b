# bools and __index__ objects are ints to struct; floats are not
import struct
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(struct.pack('<bhiq', True, False, Idx(-5), Idx(2**40)))
print(struct.pack('<?', Idx(0)), struct.pack('>H', Idx(65535)))
try:
    struct.pack('<B', Idx(256))
except struct.error as e:
    print('error', e)
class BadIdx:
    def __index__(self): raise RuntimeError('boom')
try:
    struct.pack('<i', BadIdx())
except RuntimeError as e:
    print('RuntimeError', e)
try:
    struct.pack('<i', 1.0)
except struct.error as e:
    print('error', e)

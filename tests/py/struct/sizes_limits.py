# very large counts: calcsize accepts sizes up to the index range; packing them fails cleanly
import struct
print(struct.calcsize('9223372036854775807x'), struct.calcsize('4611686018427387903h'))
for fmt in ['9223372036854775808x', '4611686018427387904h', 'c9223372036854775807x', '99999999999999999999i']:
    try:
        struct.calcsize(fmt)
    except struct.error as e:
        print('error', e)
try:
    struct.pack('100000000000000x')
except MemoryError:
    print('MemoryError')
print(struct.pack('2x'), len(struct.pack('65536x')))

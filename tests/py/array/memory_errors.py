# impossible sizes raise MemoryError and leave the interpreter usable
import array
a = array.array('B', [1, 2])
for make in [lambda: a * 2**62, lambda: array.array('q', [1]) * 2**60, lambda: array.array('d', [0.0]) * (2**61 + 3)]:
    try:
        make()
        print('no error')
    except MemoryError:
        print('MemoryError')
b = array.array('i', range(5))
try:
    b *= 2**62
except MemoryError:
    print('MemoryError *=')
print(a, b, a * 3)

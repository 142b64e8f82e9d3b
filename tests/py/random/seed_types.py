# the seed types random accepts, and the TypeError for the others
import random
for s in [None, 0, -1, 10**50, True, 1.25, 'text', 'ünï', b'', bytearray(b'\x00')]:
    print(repr(s), random.seed(s))
for bad in [[1], (1,), {1: 2}, object]:
    try:
        random.seed(bad)
    except TypeError as e:
        print('TypeError', e)
random.seed(0)
a = random.random()
random.seed(False)
print(a == random.random())
random.seed('ü')
x = random.random()
random.seed('ü'.encode())
print(x == random.random())

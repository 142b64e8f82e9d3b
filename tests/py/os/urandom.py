# urandom(n): n random bytes
import os
for n in (0, 1, 16, 100):
    b = os.urandom(n)
    print(type(b).__name__, len(b))
print(os.urandom(32) != os.urandom(32))
for bad in (-1,):
    try:
        os.urandom(bad)
    except ValueError:
        print('ValueError')
try:
    os.urandom('x')
except TypeError:
    print('TypeError')

# choice on sequences of several kinds, and its errors
import random
random.seed(5)
for seq in [[1, 2, 3], (4, 5), 'xyz', range(10, 20), b'AB', bytearray(b'cd')]:
    vals = {random.choice(seq) for _ in range(200)}
    print(type(seq).__name__, sorted(vals) == sorted(set(seq)))
print(random.choice([42]), random.choice('q'))
for bad in [[], '', (), range(0)]:
    try:
        random.choice(bad)
    except IndexError as e:
        print('IndexError', e)
for bad in [{1, 2}, 5, None]:
    try:
        random.choice(bad)
    except TypeError:
        print('TypeError')
try:
    random.choice({1: 'a'})
except KeyError:
    print('KeyError')

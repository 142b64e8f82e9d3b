# shuffle permutes in place, keeps the items, and mixes them
import random
import array
random.seed(11)
l = list(range(20))
random.shuffle(l)
print(sorted(l) == list(range(20)), l != list(range(20)))
b = bytearray(b'abcdefgh')
random.shuffle(b)
print(sorted(b) == sorted(b'abcdefgh'))
a = array.array('i', range(10))
random.shuffle(a)
print(sorted(a) == list(range(10)))
e = []
random.shuffle(e)
one = ['x']
random.shuffle(one)
print(e, one)
first = set()
for _ in range(300):
    m = [1, 2, 3]
    random.shuffle(m)
    first.add(tuple(m))
print(len(first))
for bad in [(1, 2), 'ab']:
    try:
        random.shuffle(bad)
    except TypeError:
        print('TypeError')
print(random.shuffle([1, 2]))

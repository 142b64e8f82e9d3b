# os.path.join
import os.path as p
print(p.join('a'), p.join('a', 'b'), p.join('a/', 'b'), p.join('a', '/b'), p.join('', 'b'))
print(p.join('a', ''), p.join('/', 'x', 'y/'), p.join('a', 'b', 'c', 'd'))
print(p.join(b'a', b'b'))
try:
    p.join('a', b'b')
except TypeError:
    print('TypeError')
try:
    p.join(1)
except TypeError:
    print('TypeError')

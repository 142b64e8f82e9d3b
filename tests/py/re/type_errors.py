# wrong argument types: str/bytes mismatches, non-strings, bad pattern types
import re

def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except TypeError as e:
        print('TypeError', e)

t(re.match, 'a', b'a')
t(re.match, b'a', 'a')
t(re.search, 'a', 1)
t(re.search, 'a', None)
t(re.findall, 1, 'a')
t(re.compile, None)
t(re.compile, ['a'])
t(re.sub, 'a', 'b', b'xa')
t(re.sub, b'a', 'b', b'xa')
t(re.sub, 'a', b'b', 'xa')
t(re.sub, 'a', 1, 'xa')
t(re.split, 'a', 5)
t(re.compile('a').match, bytearray(b'a'))
t(re.compile(b'a').search, 'a')
t(re.escape, 1)
t(re.match, 'a', 'a', 'x')

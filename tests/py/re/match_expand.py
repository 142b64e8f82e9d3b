# Match.expand with numbered and named references
import re

m = re.search(r'(?P<user>\w+)@(?P<host>[\w.]+)', 'mail: bob@example.com')
print(m.expand(r'\g<host>:\g<user>'), m.expand(r'\2/\1'), m.expand(r'[\g<0>]'))
print(m.expand('no refs'), m.expand(r'tab\there'))
m = re.match(rb'(a)(b)?', b'a')
print(m.expand(rb'<\1\2>'))
for t in [r'\3', r'\g<x>', r'\g<1', '\\']:
    try:
        m2 = re.match('(a)', 'a')
        print(m2.expand(t))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
m = re.match('a', 'a')
for t in [1, b'x']:
    try:
        m.expand(t)
    except TypeError as e:
        print('TypeError', e)
m = re.match(b'a', b'a')
print(m.expand(bytearray(b'x\\0')))
try:
    m.expand('x')
except TypeError as e:
    print('TypeError', e)

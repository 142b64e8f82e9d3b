# Match objects: indexing, group errors, start/end/span of groups, regs, lastindex
import re

m = re.match(r'(?P<a>\d)(?P<b>\w)?(x)?', '1z')
print(m[0], m[1], m['a'], m[2], m[3])
print(m.start(), m.end(1), m.span('b'), m.span(3), m.start(3), m.end(3))
print(m.regs, m.lastindex, m.lastgroup)
for g in [4, -1, 'c', 1.0, None, (1,)]:
    try:
        m.group(g)
    except IndexError as e:
        print('IndexError', e)
    try:
        m[g]
    except IndexError as e:
        print('IndexError', e)
print(m.group(True), m.start(False))
try:
    m.span(9)
except IndexError as e:
    print('IndexError', e)
print(m.group(), m.group(0, 'a', 2, 3))
print(re.match('(a)(b)', 'ab').lastindex, re.match('(a(b))', 'ab').lastindex, re.match('a', 'a').lastindex)
print(re.match('(?P<x>a)(?P<y>b)', 'ab').lastgroup, re.match('(?P<x>a)(b)', 'ab').lastgroup)

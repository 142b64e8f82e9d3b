# Match objects are true, None means no match; typical if/while use
import re

m = re.match('', 'x')
print(bool(m), m is not None, bool(re.match('y', 'x')))
if re.search(r'\d', 'ab3'):
    print('has digit')
pos = 0
pat = re.compile(r'\d+')
out = []
while True:
    m = pat.search('a1b22c333', pos)
    if not m:
        break
    out.append(m.group())
    pos = m.end()
print(out)
print([x for x in ['a1', 'b', 'c3'] if re.match(r'\w\d', x)])

# finditer: an iterator of Match objects, with pos/endpos, consumed lazily
import re

it = re.finditer(r'\w+', 'ab cd  ef')
print(type(it).__name__ == 'callable_iterator', iter(it) is it)
for m in it:
    print(m.group(), m.span(), m.pos, m.endpos)
print(next(it, 'done'))
print([m.span() for m in re.finditer('', 'abc')])
print([m.span() for m in re.compile('a').finditer('aaaa', 1, 3)])
print([(m.pos, m.endpos) for m in re.compile('a').finditer('aaaa', 1, 3)])
print([m.groups() for m in re.finditer(r'(\d)(x)?', '1x2')])
it = re.finditer('b', 'abcb')
print(next(it).start(), next(it).start(), list(it))
print([m.group() for m in re.finditer('x*', 'axxb')])

# several flags at once, passed as arguments and inline
import re

s = 'Abc\nabc\nABC'
print(re.findall('^abc$', s, re.I | re.M))
print(re.findall('(?im)^abc$', s))
print(re.findall('a.c', 'A\nC a-c', re.I | re.S))
print(re.findall('(?is)a.c', 'A\nC a-c'))
print(re.findall(r'''(?xi) ^ a   # comment
                     b c $''', s, re.M))
print(re.match(r'(?x)(?i) A b', 'ab'), re.match('(?i)(?x) A b', 'ab').group())
print(re.findall(r'\w+', 'été', re.A | re.I), re.findall(r'(?ai)É', 'éÉ'))
print(re.compile('x', re.I | re.M | re.S | re.X).flags)
print(re.compile('(?ims)x').flags, re.compile('(?ims)x', re.I).flags)

# inline global flags at the start and scoped flag groups (?i:...) (?-i:...)
import re

print(re.match('(?i)abc', 'ABC'), re.compile('(?i)x').flags, re.compile('(?im)x').flags)
print(re.compile('(?s)(?m)x').flags, re.compile('(?a)x').flags, re.compile(b'(?L)x').flags)
print(re.findall('a(?i:b)c', 'abc aBc ABC abC'))
print(re.findall('(?i)a(?-i:b)c', 'abc aBc ABc AbC'))
print(re.match('(?i:a(?-i:b))', 'Ab'), re.match('(?i:a(?-i:b))', 'AB'))
print(re.findall('(?s:a.)b.', 'a\nbx a\nb\n'))
print(re.findall('(?m:^x)|^y', 'y\nx\ny'))
print(re.match('(?x: a b )c', 'abc'), re.match('(?x: a b )c ', 'abc '))
print(re.findall(r'(?a:\w)\w', 'éé aé'))
print(re.findall(r'(?u:\w)\w', 'éé aé', re.A))
print(re.match('(?i)(?-i:a)', 'A'), re.compile('(?i-s:a)').flags)

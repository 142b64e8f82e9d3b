# the dot, anchors ^ $ \A \Z, and escaped metacharacters
import re

print(re.findall('.', 'a\nb'))
print(re.findall('a.c', 'abc a-c a\nc'))
print(re.match('^abc$', 'abc'), re.match('^abc$', 'abc\n'), re.match('^abc$', 'abc\n\n'))
print(re.search('c$', 'abc\n').span(), re.search(r'c\Z', 'abc\n'))
print(re.search(r'\Aab', 'xab'), re.search('^ab', 'xab'))
print(re.findall(r'\.', 'a.b.c'), re.findall(r'\*\+\?', 'a*+?b'))
print(re.findall(r'\(\)\[\]\{\}', '()[]{}'))
print(re.findall(r'\^\$\|\\', '^$|\\'))
print(re.search('$', 'ab').span(), re.search('$', 'ab\n').span())
print(re.findall('$', 'a\nb\n'))
print(re.findall('^', 'a\nb'))
print(re.search(r'a\Z', 'a\n'), re.search(r'a$', 'a\n').span())

# bytes patterns: ASCII classes and case folding, bytes results, non-ASCII bytes as such
import re

print(re.findall(rb'\w+', b'caf\xc3\xa9 ab_1'))
print(re.findall(rb'\d', b'1\xd9\xa32'), re.findall(rb'\s', b' \x85\xa0\t'))
print(re.match(rb'[\x80-\xff]+', b'\xe9\xff').group())
print(re.findall(rb'(?i)\xe9', b'\xe9\xc9'), re.findall(rb'(?i)k', b'kK'))
print(re.match(b'.', b'\n'), re.match(b'(?s).', b'\n').group())
m = re.match(rb'(?P<n>a)(b)', b'ab')
print(m.groups(), m.groupdict(), m.group('n'), m.span(2))
print(re.sub(rb'\xff', b'!', b'a\xffb'), re.split(rb'\x00', b'a\x00b'))
print(re.compile(rb'x').pattern, re.compile(b'(?P<k>x)').groupindex['k'])
print(re.match(b'a{2}', b'aa').group(), re.escape(b'\x00*'))
print(re.search(rb'\bx\b', b'a x b').span(), re.search(rb'\xe9\b', b'\xe9 ').span())

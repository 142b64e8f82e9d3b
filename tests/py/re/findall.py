# findall: no group, one group, several groups, unmatched groups give ''
import re

print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'(\d)(\w)', '1a2b3'))
print(re.findall(r'(\d)x?', '1x2'))
print(re.findall(r'(a)|(b)', 'abc'))
print(re.findall(r'(a)(b)?', 'aab'))
print(re.findall(r'((a)b)', 'abab'))
print(re.findall('', 'ab'), re.findall('', ''))
print(re.findall('x', ''), re.findall('x*', ''))
print(re.compile(r'\w').findall('abcde', 1, 3))
print(re.compile(r'\w').findall('abcde', pos=2), re.compile(r'\w').findall('abcde', endpos=2))
print(re.findall(r'(?:a(b))*', 'ababx'))

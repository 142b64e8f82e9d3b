# count limits replacements, zero-width matches included; subn reports how many
import re

print(re.subn('', '-', 'abc', 2), re.subn('x*', '-', 'abc', 3))
print(re.subn('a', lambda m: m.group().upper(), 'aaaa', 3))
print(re.subn(r'\b', '|', 'ab cd', 1), re.subn(r'\b', '|', 'ab cd'))
print(re.sub('a', 'b', 'aaa', count=True), re.sub('(a)', r'[\1]', 'aaa', 2))
try:
    re.sub('a', 'b', 'aaa', count='1')
except TypeError:
    print('TypeError')
print(re.compile('o').subn('0', 'foo', 1), re.compile('o').subn('0', 'foo'))

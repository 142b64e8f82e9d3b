# \d \w \s and their negations, for ASCII text
import re

s = 'ab 12_x\t!?\n3'
for p in [r'\d', r'\D', r'\w', r'\W', r'\s', r'\S']:
    print(p, re.findall(p, s))
print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'\w+', 'hello, world_2!'))
print(re.split(r'\s+', 'a  b\tc\n\nd'))
print(re.findall(r'\S+', '  x yz  '))
print(re.fullmatch(r'\w*', ''), re.fullmatch(r'\d{3}-\d{4}', '555-1234'))

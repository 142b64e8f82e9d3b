# fixed-width lookbehind, positive and negative; lookbehind at the start and at pos
import re

print(re.findall(r'(?<=\$)\d+', 'cost $10 and $25'))
print(re.findall(r'(?<!\$)\b\d+', 'cost $10 and 25'))
print(re.search('(?<=abc)d', 'abcd').span(), re.search('(?<=abc)d', 'abd'))
print(re.search('(?<=a|b)c', 'bc').span())
print(re.search('(?<=ab|cd)e', 'cde').span())
print(re.search(r'(?<=(a))b', 'ab').groups())
print(re.compile('(?<=a)b').search('ab', 1).span())
print(re.compile('(?<!a)b').search('ab', 1))
print(re.match('(?<=a)', 'a'), re.match('(?<!a)', 'a').span())
print(re.search('(?<=a{2})b', 'aab').span())
print(re.search(r'(?<=é)x', 'éx').span(), re.search(r'(?<=\w\w)x', 'ééx').span())
print(re.search(r'(a)(?<=\1)b', 'ab').span())
print(re.search(r'(?<=(?<=a)b)c', 'abc').span())
print(re.findall(r'(?<=[aeiou])\w', 'education'))

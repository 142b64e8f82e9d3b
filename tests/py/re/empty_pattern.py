# the empty pattern and patterns that only match empty strings
import re

print(re.findall('', 'abc'), re.split('', 'abc'), re.sub('', '-', 'abc'), re.subn('', '-', ''))
print(re.match('', 'x').span(), re.fullmatch('', 'x'), re.search('', '').span())
print([m.span() for m in re.finditer('(?:)', 'ab')])
print(re.findall('()', 'ab'), re.findall('(|a)', 'ab'))
print(re.split('()', 'ab'), re.split('(?:)', 'ab', 1))
print(re.sub('^', '>', 'ab'), re.sub('$', '<', 'ab'), re.sub(r'\b', '|', 'ab cd'))
print(re.findall(r'\B', 'abc'), re.sub(r'\B', '.', 'abc'))
print(re.compile('').groups, re.compile('').pattern == '')
print(re.match('(?:)?(a)', 'a').groups(), re.match('(?:)*+x', 'x').span(), re.match('(?:){3}', '').span())
print(re.match('()*', 'a').groups(), re.match('(?:)+?b', 'b').span(), re.match('(|)+', '').groups())

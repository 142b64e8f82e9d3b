# subjects: str subclasses, empty strings, long strings; Match.string is the object given
import re

class S(str):
    pass
s = S('xaby')
m = re.search('ab', s)
print(type(m.group()).__name__, type(m.string).__name__, m.string is s)
print(type(re.sub('a', 'b', s)).__name__, type(re.sub('z', 'b', s)).__name__, re.sub('z', 'b', s))
print([type(x).__name__ for x in re.split('a', s)], re.findall('.', S('ab')))
print(re.match('', ''), re.search('a', ''), re.split('a', ''), re.sub('a', 'b', ''))
long = 'ab' * 50000 + 'c'
print(re.search('c', long).span(), len(re.findall('ab', long)), re.match('(?:ab)*c', long).end())
print(len(re.sub('b', '', long)), len(re.split('a', long)))
print(re.search('a{3}', 'a' * 10 + 'b').span())

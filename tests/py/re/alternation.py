# alternation: leftmost alternative wins, nested alternatives, empty alternatives
import re

print(re.match('a|ab', 'ab').group(), re.match('ab|a', 'ab').group())
print(re.fullmatch('a|ab', 'ab').group())
print(re.findall('cat|dog|bird', 'dog cat fish bird'))
print(re.match('(a|b|c)+', 'abcabd').group())
print(re.match('x(|y)z', 'xz').groups(), re.match('x(|y)z', 'xyz').groups())
print(re.match('(a|ab)(c|bcd)(d*)', 'abcd').groups())
print(re.findall('a|', 'aba'))
print(re.match('|a', 'a').span())
print(re.search('(foo|foobar)baz', 'foobarbaz').groups())
print(re.match('((a)|(b))+', 'ab').groups())

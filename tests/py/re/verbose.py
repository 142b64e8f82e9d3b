# VERBOSE: whitespace and comments ignored outside classes and escapes
import re

p = re.compile(r'''
    (\d{3})   # area
    [-\ ]?    # separator, a space must be escaped
    (\d{4})   # number
''', re.X)
print(p.match('555-1234').groups(), p.match('555 1234').groups())
print(re.match('(?x) a b c', 'abc'), re.match('(?x)a[ ]b', 'a b'))
print(re.match(r'(?x) a \  b', 'a b'), re.match('(?x)a#b\nc', 'ac'))
print(re.match('(?x)a {2}', 'aa'), re.match('(?x)a\tb\r\nc\x0bd\x0c', 'abcd'))
print(re.findall('(?x) [ # ] ', 'a # b'))
print(re.match('(?x)(?P<n> a ) (?P=n)', 'aa'))
print(re.compile('a b', re.VERBOSE).pattern, re.match('a b', 'ab', re.X))

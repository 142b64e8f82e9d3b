# re.match / re.search / re.fullmatch on literals, with spans and None results
import re

print(re.match('abc', 'abcdef'))
print(re.match('bcd', 'abcdef'))
print(re.search('bcd', 'abcdef'))
print(re.search('xyz', 'abcdef'))
print(re.fullmatch('abc', 'abc'), re.fullmatch('abc', 'abcd'), re.fullmatch('ab', 'abc'))
m = re.search('cd', 'abcdef')
print(m.group(), m.start(), m.end(), m.span(), m.pos, m.endpos)
print(m.string, m.re.pattern)
print(bool(re.match('', '')), re.match('', 'abc').span())
print(re.search('', 'abc').span())
print(re.fullmatch('', ''), re.fullmatch('', 'a'))
print(re.match('a', ''))

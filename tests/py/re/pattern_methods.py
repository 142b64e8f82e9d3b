# Pattern methods with pos and endpos: ^ stays at the real start, $ moves to endpos
import re

p = re.compile('b+')
print(p.match('abbb'), p.match('abbb', 1).span(), p.search('abbb', 2).span())
print(p.fullmatch('abbb', 1).span(), p.fullmatch('abbb', 1, 3).span())
print(p.search('abbb', 1, 2).span(), p.search('abbb', 4), p.search('abbb', 10))
print(re.compile('^b').search('ab', 1), re.compile('(?m)^b').search('a\nb', 2).span())
print(re.compile('b$').search('abc', 0, 2).span(), re.compile(r'b\Z').search('abc', 0, 2).span())
print(p.search('abbb', -5).span(), p.match('abbb', pos=1, endpos=2).span())
print(p.search('abbb', 3, 1), re.compile('').match('abc', 2, 1).span(), re.compile('').search('abc', 2, 1))
print(re.compile('x').search('x', endpos=-1))
print(re.compile('é+').search('aéé', 1).span(), re.compile('.').findall('aéb', 1, 2))
m = p.search('abbb', 1, 3)
print(m.pos, m.endpos, m.string, m.re is p)
print(re.compile(r'(?<=a)b').match('ab', 1).span())

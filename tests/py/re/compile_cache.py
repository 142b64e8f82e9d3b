# compile: Pattern objects, recompiling the same pattern, passing a Pattern to re functions
import re

p = re.compile('a+')
print(type(p).__name__, re.compile(p) is p, p.pattern, p.groups, p.groupindex == {})
print(re.match(p, 'aaa').group(), re.sub(p, '-', 'baab'))
print(re.compile('a+') == re.compile('a+'), re.compile('a+') == re.compile('a+', re.I))
print(re.compile('a+') != re.compile('b+'), hash(re.compile('xy')) == hash(re.compile('xy')))
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
try:
    re.match(p, 'a', re.I)
except ValueError as e:
    print('ValueError', e)
for i in range(600):   # more patterns than the cache holds
    re.match('x%d' % i, 'x%d' % i)
print(re.match('x5', 'x5').group(), re.match('x599', 'x599').group())
re.purge()
print(re.match('a', 'a').group())
print(isinstance(p, re.Pattern), isinstance(p.match('a'), re.Match))

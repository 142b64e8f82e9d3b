# sub and subn with literal replacements, count, and no matches
import re

print(re.sub('a', 'x', 'banana'))
print(re.sub('a', 'x', 'banana', 2), re.sub('a', 'x', 'banana', count=1))
print(re.sub('z', 'x', 'banana'))
print(re.subn('a', 'x', 'banana'), re.subn('a', 'x', 'banana', 2), re.subn('z', 'x', 'ab'))
print(re.sub('a', 'x', 'aaa', -1), re.subn('a', 'x', 'aaa', -3))
print(re.sub('', '', ''), re.sub('a', '', 'aaa'))
print(re.compile('o').sub('0', 'foo boo', 3))
print(re.sub('(?i)b', 'c', 'aBb', flags=0), re.sub('b', 'c', 'aBb', flags=re.I))
print(re.sub('a', 'b', 'xax', 0, re.I))
print(re.sub('é', 'e', 'café élan'))

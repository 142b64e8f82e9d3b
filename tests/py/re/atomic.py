# atomic groups (?>...) and possessive quantifiers *+ ++ ?+ {m,n}+
import re

print(re.match('(?>a+)b', 'aaab'), re.match('(?>a+)ab', 'aaab'))
print(re.match('a++b', 'aab').group(), re.match('a++a', 'aaa'))
print(re.match('a*+a', 'aaa'), re.match('a?+a', 'a'), re.match('a?+b', 'ab').group())
print(re.match('a{1,2}+a', 'aa'), re.match('a{1,2}+a', 'aaa').group())
print(re.match('(?:ab)*+ab', 'abab'), re.match('(?:ab)*+c', 'ababc').group())
print(re.match('(?>(a)|ab)c', 'abc'), re.match('(?>ab|(a))c', 'abc').groups())
print(re.match('(?>x(y)?)+', 'xyx').groups())
print(re.findall(r'(?>\d+)\.', '12.34'))
print(re.match('(?>)', 'a').span(), re.match('(?>a|)b', 'b').span())

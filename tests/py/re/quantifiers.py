# * + ? {m} {m,n} {m,} {,n}, greedy
import re

for p in ['a*', 'a+', 'a?', 'a{2}', 'a{2,3}', 'a{2,}', 'a{,2}', 'a{0}', 'a{0,0}', 'a{1,1}']:
    print(p, re.findall(p, 'aaaaa'), re.match(p, 'baa'))
print(re.match('(ab)*', 'ababa').group(), re.match('(ab)+', 'ababa').group())
print(re.match('(?:ab){2,3}', 'abababab').group())
print(re.match('a{,}', 'aaa').group())
print(re.fullmatch('a{3}', 'aaa'), re.fullmatch('a{3}', 'aaaa'))
print(re.match('x{0}y', 'y'))
print(re.findall('[ab]{2}', 'abba ab'))

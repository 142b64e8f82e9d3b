# long subjects and long matches: linear work, no recursion limits
import re

s = 'ab' * 20000 + 'c'
print(re.match('(a|b)*c', s).span(), re.match('(?:a|b)*c', s).span(), re.match('(ab)*c', s).group(1))
print(re.match('(?:(a)|(b))*c', s).groups())
print(len(re.findall(r'\w', s)), len(re.split('b', s)), len(re.sub('a', 'xx', s)))
print(re.search('c$', s).span(), re.fullmatch('[abc]*', s).end())
print(re.match('.*c', s).end(), re.match('.*?c', s).end(), re.match('(.)*c', s).group(1))
t = 'é' * 10000 + 'x'
print(re.search('x', t).span(), re.match('é*', t).end(), len(re.findall('é', t)))
print(re.match('(?:é|x)*', t).span(), re.sub('é', '', t))

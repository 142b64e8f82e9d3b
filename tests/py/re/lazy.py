# lazy quantifiers *? +? ?? {m,n}? against greedy ones
import re

s = '<a><b><c>'
print(re.findall('<.*>', s), re.findall('<.*?>', s))
print(re.match('a+?', 'aaa').group(), re.match('a+', 'aaa').group())
print(re.match('a??', 'aaa').group(), re.match('a?', 'aaa').group())
print(re.match('a{2,4}?', 'aaaaa').group(), re.match('a{2,4}', 'aaaaa').group())
print(re.match('(a+?)(a*)', 'aaaa').groups())
print(re.match('(a*?)(a*)', 'aaaa').groups())
print(re.match('(.*?)x(.*)', 'abxcdxef').groups())
print(re.match('(?:ab)+?c', 'ababc').group())
print(re.match('(ab)*?c', 'ababc').groups())
print(re.fullmatch('(a|ab)+?', 'abab').groups())
print(re.findall(r'"(.*?)"', 'say "hi" and "bye"'))
print(re.match('(a{2,}?)(a*)', 'aaaaa').groups())

# greedy and lazy quantifiers on groups, with the captures they leave
import re

print(re.match('(a+)(a+)', 'aaaa').groups(), re.match('(a+?)(a+)', 'aaaa').groups())
print(re.match('(a*)(a*?)$', 'aaa').groups(), re.match('(a*?)(a*?)$', 'aaa').groups())
print(re.match('(?:(a)|(b))+?b', 'aab').groups())
print(re.match('(ab|a)(b*)', 'abb').groups(), re.match('(ab|a)??(b*)', 'abb').groups())
print(re.match('((ab)+?)(ab)*$', 'ababab').groups())
print(re.match('(.{2,3}?)(.*)', 'abcdef').groups(), re.match('(.{2,3})(.*)', 'abcdef').groups())
print(re.search('<(.+?)>', '<a><b>').group(1), re.search('<(.+)>', '<a><b>').group(1))
print(re.match('(a?)+?b', 'aab').groups(), re.match('(a?){2,}?b', 'ab').groups())

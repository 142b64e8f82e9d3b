# backtracking: nested quantifiers, giving back characters, captures restored on failure
import re

print(re.match('(a*)*b', 'aaab').groups(), re.match('(a*)*b', 'aaa'))
print(re.match('(a*)+$', 'aaa').groups(), re.match('(a|aa)*c', 'aaaac').groups())
print(re.match('(x+x+)+y', 'x' * 12))
print(re.match('(a+)+b', 'a' * 15 + 'b').groups())
print(re.match(r'^(\w+\s?)*$', 'a b c d e f g h'), re.match(r'^(\w+\s?)*$', 'ab cd!'))
print(re.match('(.*)(.*)(.*)x', 'abcx').groups())
print(re.match('(a|ab)(bc|c)', 'abc').groups())
print(re.match('(ab|a)*?b', 'ab').groups(), re.match('((a)|b)*?c', 'abac').groups())
print(re.match('(?:(a)|(b))*', 'ab').groups())
print(re.match('(?:(a)b)*', 'abac').groups(), re.match('(?:(a)b|ac)*', 'abac').groups())
print(re.match(r'(\d+)(\d{2})', '12345').groups())
print(re.match('(a?){3}a{3}', 'aaa').groups())

# positive and negative lookahead
import re

print(re.findall(r'\w+(?=,)', 'a, b, c'))
print(re.findall(r'\d+(?!\d|px)', '10px 20em 30'))
print(re.match('(?=abc)ab', 'abc').group())
print(re.match('(?=(a+))a', 'aaa').groups(), re.match('(?=(a+))a', 'aaa').span())
print(re.match('(?!a)b', 'b').group(), re.match('(?!a)', 'a'))
print(re.search('a(?=b)|a(?=c)', 'ac').span())
print(re.match(r'(?=.*\d)(?=.*[a-z]).{4,}', 'ab12'), re.match(r'(?=.*\d)(?=.*[a-z]).{4,}', 'abcd'))
print(re.match('(?!(a))b', 'b').groups())
print(re.findall('(?=(aa))', 'aaaa'))
print(re.match('((?=a)a)+', 'aaa').group())

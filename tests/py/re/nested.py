# deeply nested groups compile and match; absurd nesting is a RecursionError, not a crash
import re

p = '(' * 50 + 'a' + ')' * 50
m = re.match(p, 'a')
print(m.span(), len(m.groups()), m.lastindex)
p = '(?:' * 300 + 'b' + ')' * 300
print(re.match(p, 'b').span())
print(re.match('(?:(?:(?:a|b)|c)*d)+', 'abcdbd').group())
try:
    re.compile('(' * 2000 + ')' * 2000)
    print('compiled')
except RecursionError:
    print('RecursionError')
print(re.match('((((((((((a))))))))))\\10', 'aa').span())

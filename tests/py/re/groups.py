# capturing groups: group(), groups(), nesting, unmatched groups, several groups at once
import re

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'hello big world')
print(m.group(0), m.group(1), m.group(2, 3), m.groups())
m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'hello world')
print(m.groups(), m.groups('-'), m.group(3), m.span(3), m.start(3), m.end(3))
m = re.match('((a)(b(c)))', 'abc')
print(m.groups(), m.span(1), m.span(4), m.regs)
print(m.group(1, 2, 3, 4, 0))
m = re.match('(a)|(b)', 'b')
print(m.groups(), m.lastindex)
print(re.match('(a)*', 'aaa').group(1), re.match('(a)*', 'b').group(1))
print(re.match('(?:(a)|b)+', 'ab').groups())
print(re.match('(a)(?:x|(b))*', 'axbx').groups())
print(re.compile('(a)(b)(c)').groups, re.compile('(?:a)').groups)
print(re.match('()', 'x').span(1))

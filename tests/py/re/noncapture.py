# (?:...) groups, and group numbering around them
import re

m = re.match('(?:a)(b)(?:c(d))', 'abcd')
print(m.groups(), m.lastindex)
print(re.findall('(?:ab)+', 'ababxab'))
print(re.match('(?:a|b)*c', 'abbac').group())
print(re.compile('(?:(?:(?:x)))').groups)
print(re.match('(?:)', 'a').span())
print(re.findall('a(?:b|c)d', 'abd acd aed'))

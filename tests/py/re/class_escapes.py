# escapes and categories combined in sets, negated sets with categories
import re

s = 'a1 _-\té9'
print(re.findall(r'[\d\s]', s), re.findall(r'[^\d\s]', s))
print(re.findall(r'[\W\d]', s), re.findall(r'[^\W\d]', s))
print(re.findall(r'[\S]', ' a '), re.findall(r'[^\S]', ' a '))
print(re.findall(r'[\D]', '1a2'), re.findall(r'[a\d]', 'ab12'))
print(re.findall(r'[\w\W]', 'a!'), re.findall(r'[^\w\W]', 'a!'))
print(re.findall(r'[\t\n\r\f\v\a\b]', '\t\n\r\f\v\x07\x08 '))
print(re.findall(r'[\x20-\x22\u00e9]', ' !"#é'), re.findall(r'[\\]', 'a\\b'))
print(re.findall(r'[\-\]\[\^]', '-][^'), re.findall('[^^]', '^a'))
print(re.findall(r'[.|*]', 'a.b|c*'), re.findall(r'[\d-]', '1-a'))

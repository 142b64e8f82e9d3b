# split: maxsplit, capturing groups in the separator, unmatched groups are None
import re

print(re.split(',', 'a,b,,c,'))
print(re.split(',', 'a,b,c', maxsplit=1), re.split(',', 'a,b,c', 2))
print(re.split(',', 'a,b,c', -1), re.split(',', 'a,b,c', 0))
print(re.split('(,)', 'a,b'))
print(re.split('(,)|(;)', 'a,b;c'))
print(re.split(r'\s*(;)\s*', 'a ; b;c'))
print(re.split('x', ''), re.split('', ''), re.split('x*', ''))
print(re.split(r'(\d)', '1a2'))
print(re.compile('-').split('a-b-c', 1))
print(re.split('[,;]', 'a,b;c', maxsplit=5))

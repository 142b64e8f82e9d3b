# finditer and sub keep searching after each match; matches at the string end
import re

print([m.span() for m in re.finditer(r'\b\w', 'ab cd')])
print([m.span() for m in re.finditer('$', 'ab')], [m.span() for m in re.finditer('(?m)$', 'a\nb\n')])
print([m.group() for m in re.finditer('a|ab', 'abab')])
print([m.span() for m in re.finditer('(?=(ab))', 'ababab')])
print(re.sub('(?<=a)', '|', 'aaa'), re.sub('a|', '-', 'bab'))
print([m.span() for m in re.finditer('.?', 'ab')])
it = re.compile('x').finditer('xax', 1)
print([m.span() for m in it], [m.span() for m in re.compile('x').finditer('xax', 0, 2)])

# sub templates: \1, \g<n>, \g<name>, \g<0>, escapes, unmatched groups expand to ''
import re

print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@host you@there'))
print(re.sub(r'(\w)(\w)', r'\g<2>\g<1>', 'abcd'))
print(re.sub(r'(?P<first>\w)(?P<rest>\w*)', r'\g<rest>\g<first>ay', 'pig latin'))
print(re.sub(r'\w+', r'[\g<0>]', 'a bc'))
print(re.sub('x', r'\n\t\\', 'axb'))
print(re.sub('x', r'\&\-\%', 'axb'))
print(re.sub('(a)(b)?', r'[\2]', 'ab a'))
print(re.sub('(a)', r'\g<1>0', 'a'))
print(re.sub('x', r'\0', 'x') == '\x00', re.sub('x', r'\012', 'x'), re.sub('x', r'\08', 'x') == '\x008')
print(re.sub('x', r'\101', 'x'), re.sub('(x)', r'\1\101', 'x'))
print(re.sub(r'(\d)', r'\g< 1>', 'a1'), re.sub(r'(\d)', r'\g<01>', 'a1'))
print(re.sub('x', r'é\g<0>é', 'x'), re.sub('x', r'\377', 'x') == '\xff')
m = re.match(r'(?P<a>\w)(\w)?', 'a')
print(m.expand(r'<\1|\2|\g<a>>'), repr(m.expand('plain')))

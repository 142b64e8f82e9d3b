# IGNORECASE on ASCII: literals, classes, ranges, backreferences
import re

print(re.findall('abc', 'ABC abc AbC', re.I))
print(re.findall('[a-c]+', 'xABCx', re.I), re.findall('[A-C]+', 'xabcx', re.I))
print(re.findall('[^a]', 'aAbB', re.I))
print(re.match(r'(a)\1', 'aA', re.I).group(), re.match(r'(a)\1', 'aA'))
print(re.findall('(?i)x', 'xX'), re.findall('(?i:x)X', 'xX XX xx'))
print(re.match('(?i)[^A-Z]', 'q'))
print(re.findall(r'\w', 'aZ', re.I))
print(re.match('a', 'A', re.I | re.A).group())
print(re.match('[z-~]+', 'ZZ{|}~', re.I).group())
print(re.findall('_', '_', re.I), re.findall('[@-_]+', '@AZ[\\]^_az', re.I))

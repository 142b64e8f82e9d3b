# \d \w \s on non-ASCII text: Unicode semantics for str patterns, ASCII with re.ASCII
import re

s = 'é1٣ x\u00a0y\u2003z_ß\u3000Ω'
for p in [r'\d', r'\w', r'\s', r'\W']:
    print(p, re.findall(p, s), re.findall(p, s, re.ASCII))
print(re.findall(r'\w+', 'naïve café déjà-vu'))
print(re.findall(r'\w+', 'naïve café', re.A))
print(re.findall(r'(?a)\w+', 'naïve café'))
print(re.findall(r'\d+', '١٢٣ 456 ௧௨'))
print(re.findall(r'[\d]+', '١٢٣x'), re.findall(r'[^\d]+', '١٢٣x'))
print(re.findall(r'\s', '\x1c\x1d\x1e\x1f\x85'))
print(re.findall(r'\s', '\x1c\x1d\x1e\x1f\x85', re.A))
print(re.findall(r'\w', '²³½ⅷ'))

# re.escape of str and bytes: only special characters get a backslash
import re

print(re.escape('a.b*c?d+e(f)[g]{h}|i^j$k\\l'))
print(re.escape('#&~- \t\n\r\x0b\x0c'))
print(re.escape('abc_123 éü'), re.escape(''))
print(re.escape(b'a.b\xff c'), re.escape(b''))
s = 'Hello (world) [1+1=2] $5.00?'
print(re.fullmatch(re.escape(s), s) is not None)
print(re.findall(re.escape('a.b'), 'a.b axb a.b'))
print(re.escape('"\'/,:;<=>@`!%'))

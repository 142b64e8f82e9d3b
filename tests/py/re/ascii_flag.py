# re.ASCII and re.UNICODE flags, and the flags attribute of compiled patterns
import re

print(re.compile('x').flags, re.compile('x', re.A).flags, re.compile('x', re.U).flags)
print(re.compile(b'x').flags, re.compile(b'x', re.A).flags, re.compile(b'x', re.I).flags)
print(re.findall(r'\w+', 'héllo wörld', re.A))
print(re.findall(r'\W+', 'héllo', re.ASCII))
print(re.match(r'\d', '٣', re.A), re.match(r'\d', '٣').group())
print(re.match(r'\s', '\u2003', re.A), re.match(r'\s', '\u2003').span())
print(re.compile('(?a)x', re.I).flags)
for f in (re.A | re.U, re.L):
    try:
        re.compile('x', f)
    except ValueError as e:
        print('ValueError', e)
for p in ['(?a)(?u)x', '(?L)x']:
    try:
        re.compile(p)
    except (ValueError, re.error) as e:
        print(type(e).__name__, e)
try:
    re.compile(b'x', re.U)
except ValueError as e:
    print('ValueError', e)

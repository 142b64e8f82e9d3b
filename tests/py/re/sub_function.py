# sub with a function: called with each Match; None means ''; results must be str
import re

print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c3'))
print(re.sub('(?P<w>\\w+)', lambda m: m['w'].upper(), 'hi there'))
calls = []
def f(m):
    calls.append(m.span())
    return None if m.start() == 0 else '*'
print(re.sub('a', f, 'aba'), calls)
print(re.subn('x', lambda m: '', 'xyx'))
print(re.sub('', lambda m: '|', 'ab'))
print(re.sub('a', lambda m: m.re.pattern + str(m.pos), 'aa', count=1))
for bad in [lambda m: 1, lambda m: b'x']:
    try:
        re.sub('a', bad, 'xa')
    except TypeError as e:
        print('TypeError', e)
class S(str):
    pass
print(re.sub('a', lambda m: S('z'), 'aa'))

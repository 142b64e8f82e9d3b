# errors in sub() templates: raised even when nothing matches
import re

for t in [r'\3', r'\g<3>', r'\g<b>', r'\g<-1>', r'\g<>', r'\g', r'\g<1', r'\q', '\\', r'\x41', r'\u0041',
          r'\N{DIGIT ONE}', r'\8', r'\10', r'\400', r'\g<1a>', r'\g<+1>']:
    try:
        print(repr(t), repr(re.sub(r'(?P<a>x)(y)?', t, 'axyb x ')))
    except re.error as e:
        print(repr(t), 're.error', e.msg, e.pos, repr(e.pattern))
    except IndexError as e:
        print(repr(t), 'IndexError', e)
try:
    re.sub('z', r'\q', 'abc')
except re.error as e:
    print('no match still raises:', e)
try:
    re.sub(b'z', rb'\g<x>', b'abc')
except IndexError as e:
    print('IndexError', e)

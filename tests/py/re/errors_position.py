# re.error attributes: msg, pattern, pos, lineno, colno, str() with line and column
import re

for p in ['ab\n(c', 'ab\ncd\n[e', 'x\ny\nz)', 'éé(', '\n\n*', b'ab\n(c', 'a\\']:
    try:
        re.compile(p)
    except re.error as e:
        print(repr(e.pattern), e.msg, e.pos, e.lineno, e.colno, '|', e, '|', e.args)
e = re.error('boom', 'ab\ncd', 4)
print(e, e.msg, repr(e.pattern), e.pos, e.lineno, e.colno)
e = re.error('boom')
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno, e.args)
e = re.error('bad', pattern='xyz', pos=1)
print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__name__)
try:
    raise re.error('mine', 'p', 0)
except Exception as x:
    print(type(x).__name__, x)
class MyError(re.error):
    def __init__(self, *a):
        super().__init__(*a)
e = MyError('sub', 'pat\nx', 5)
print(e, e.msg, e.lineno, e.colno, isinstance(e, re.error))

# re.error for group syntax: names, references, extensions
import re

for p in ['(?', '(?<', '(?<a', '(?P', '(?P<', '(?P<>a)', '(?P<1a>x)', '(?P<a-b>x)', '(?P< a>x)', '(?P<a',
          '(?P<a>x)(?P<a>y)', '(?P=', '(?P=a', '(?P=a)', '(?P<a>x(?P=a))', '(a)(?P=1)', '(?P<a>x)(?P=b)',
          '(?P>x)', '(?z)', '(?#abc', '(?(', '(?(1', '(?(1)a|b|c)', '(?(a)x)', '(?(0)x)', '(?(-1)x)', '(?(1)a)',
          '(?(1)a)(b)', '(?(2)a)(b)', '(?P<a>a)(?(b)x)', '(?(1a)x)', '(?&x)']:
    try:
        print(repr(p), 'ok', re.compile(p).groups)
    except re.error as e:
        print(repr(p), 'error:', e.msg, e.pos)
print(re.compile('(?P<é>x)(?P<_1>y)').groupindex == {'é': 1, '_1': 2})

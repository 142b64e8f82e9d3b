# look-behind must have a fixed width; references inside look-behinds
import re

for p in ['(?<=a*)', '(?<!a|bc)', '(?<=a+)', '(?<=a{1,2})b', '(?<=x|yz)', '(?<=a{2})b', '(?<=(?:ab|cd))e',
          r'(?<=\b)a', r'(?<=\d\w)x', '(?<=)', '(?<=(a)\\1)', '(?<=\\1)(a)', '(a)(?<=\\1)', '(a+)(?<=\\1)',
          '(?<=(?P<a>x)(?P=a))y', '(?P<a>x)(?<=(?P=a))y', '(a)(?<=(?(1)b|c))', '(a)(?<=(?(1)b|cd))',
          '(?<=a(?=bc*))', '(?<=(?<=a)b)c', '(?<=a(?<=(b)))c', '(?<=a*)(', '(?<=.é)x', '(?<=a|é)x']:
    try:
        print(repr(p), 'ok', re.compile(p).groups)
    except re.error as e:
        print(repr(p), 'error:', e.msg, e.pos, str(e))

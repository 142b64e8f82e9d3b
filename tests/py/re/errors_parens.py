# re.error for unbalanced parentheses: message, pos, and str()
import re

for p in ['(', ')', 'a)', '(a', '((a)', '(a))', '(?:', '(?=', '(?!a', '(?<=a', '(?>', '(?P<n>x', '(?i:', 'a(b(c)d', '(a|b', ')(']:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), e.msg, e.pos, e.lineno, e.colno, '|', e)

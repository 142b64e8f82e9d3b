# re.error for inline flags: unknown, missing, misplaced, incompatible
import re

for p in ['(?i', '(?iz)', '(?i!x)', '(?-', '(?-x', '(?-i)', '(?i-:x)', '(?-z:x)', '(?i-mz:x)', '(?i-i:a)',
          '(?ia-i:x)', '(?-a:x)', '(?-u:x)', '(?L)x', '(?L:x)', '(?au)x', '(?u)x', '(?a:x)', '(?u:x)',
          'a(?i)', '(?:(?i)a)', 'x(?s)', '(?i)(?m)a', '|(?i)a', '(?m-s:x)(?s)', '(?#c)(?i)x', '(?x) (?i)a']:
    try:
        print(repr(p), 'ok', re.compile(p).flags)
    except re.error as e:
        print(repr(p), 'error:', e.msg, e.pos)
    except ValueError as e:
        print(repr(p), 'ValueError', e)
for p in [b'(?u)x', b'(?a)x', b'(?L)x', b'(?aL)x']:
    try:
        print(p, 'ok', re.compile(p).flags)
    except re.error as e:
        print(p, 'error:', e.msg, e.pos)

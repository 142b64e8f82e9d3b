# re.error for bad repeats: nothing to repeat, multiple repeat, min > max, too large
import re

for p in ['*', '+a', '?', 'a**', 'a*??', 'a+++', 'a{2}{3}', 'a{2}*', '^*', '$+', r'\b*', r'\A?', '(*)', '(|+)', 'a|*',
          '{3}', 'a{3,2}', 'a{4294967295}', 'a{4294967296}', 'a{1,99999999999}', '(?i)*', '(?#c)*', 'a(?#c)*', 'x*?+', '(?x)a* ?']:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), 'error:', e.msg, e.pos)
    except OverflowError as e:
        print(repr(p), 'OverflowError', e)
for p in ['a{', 'a{1', 'a{,', 'a{x}', 'a{}', 'a{,}', 'a{1,2', '{', 'a{ 1}']:
    print(repr(p), [m.group() for m in re.finditer(p, 'aa a{ a{} a{1 a{, a{x} a{1,2 { a{ 1}')])

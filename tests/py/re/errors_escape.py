# re.error for bad escapes outside sets; escapes that are fine
import re

for p in ['\\', 'a\\', r'\q', r'\i', r'\E', r'\g', r'\x', r'\x1', r'\xz1', r'\u12', r'\U1234567', r'\U0011ffff',
          r'\400', r'\777', r'\1', r'(a)\2', r'(a\1)', r'\12', r'\8', r'\N', r'\N{', r'\N{}']:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), 'error:', e.msg, e.pos)
ok = [r'\-\&\~\#\ \!\,\'\"\%\/\:\;\<\=\>\@\`', r'\x41\u0042\U00000043', r'\0', r'\07', r'\177', r'\a\f\n\r\t\v']
for p in ok:
    print(repr(p), re.compile(p).groups, re.fullmatch(p, re.sub(r'\\(.)', r'\1', p)) is not None)
print(re.match(r'\x41\u00e9\U0001F600', 'Aé😀').span())
for p in [rb'\u0041', rb'\U00000041', rb'\N{x}']:
    try:
        re.compile(p)
    except re.error as e:
        print(p, 'error:', e.msg, e.pos)

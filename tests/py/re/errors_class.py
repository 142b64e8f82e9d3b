# re.error in character sets: unterminated, bad ranges, bad escapes
import re

for p in ['[', '[a', '[]', '[^]', '[^', 'a[b-', '[z-a]', r'[\d-z]', r'[a-\w]', r'[\D-z]', r'[a-\x]', r'[\q]',
          r'[\A]', r'[\Z]', r'[\B]', r'[\8]', r'[\400]', r'[\777]', r'[\x1]', r'[\u11]', r'[\U1234]', '[a-b-c]', '[--a]', r'[\w-]']:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), 'error:', e.msg, e.pos)
print(re.findall(r'[\1\7\0]', '\x01\x07\x00'), re.findall(r'[\12]', '\n'))

# invalid modes and arguments: ValueError
for mode in ('', 'rw', 'rr', 'z', 'r+w', 'tb', 'xa', '+', 'b', 'rt+b', 'U'):
    try:
        open('tmp_mode_invalid_never.txt', mode)
        print(mode, 'opened')
    except ValueError:
        print(repr(mode), 'ValueError')
for kw in ({'encoding': 'utf-8'}, {'errors': 'strict'}, {'newline': ''}):
    try:
        open('tmp_mode_invalid_never.txt', 'rb', **kw)
    except ValueError:
        print(sorted(kw), 'ValueError')
try:
    open(__file__, 'r', buffering=0)
except ValueError:
    print('unbuffered text ValueError')
try:
    open('tmp_mode_invalid_never.txt', 'w', newline='x')
except ValueError:
    print('newline ValueError')

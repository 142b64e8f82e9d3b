# JSONDecodeError for missing or malformed values: message, pos, lineno, colno
import json

for s in ['', ' ', '[', ']', '}', 'nul', 'tru', 'fals', 'nulll', '[tru]', '[1,]', '[,1]', '[1 2]', '[1,2',
          '1 2', '[1]x', 'true false', '"a" "b"', '{}{}', '[]]', '@', '\x00']:
    try:
        json.loads(s)
        print(repr(s), 'ok')
    except json.JSONDecodeError as e:
        print(repr(s), e.msg, e.pos, e.lineno, e.colno, '|', e)

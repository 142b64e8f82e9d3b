# line and column numbers in JSONDecodeError; positions count characters, not bytes
import json

for s in ['[1,\n2,\n]', '\n\n  {"a"\n:', ' [1]\n\n x', '{\n  "a": 1,\n  "b": oops\n}', 'ééé x', '["😀", x]',
          '\n', '[\n\n\n']:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), e.pos, e.lineno, e.colno, repr(e.doc), '|', e)
e = json.JSONDecodeError('custom', 'ab\ncd', 4)
print(e, e.msg, repr(e.doc), e.pos, e.lineno, e.colno, e.args)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__name__)
try:
    json.loads('[')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__)

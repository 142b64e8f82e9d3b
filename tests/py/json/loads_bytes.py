# loads of bytes and bytearray (UTF-8, with or without a BOM); other types are TypeError
import json

print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(bytearray(b'{"a": 2}')))
print(json.loads(b'\xef\xbb\xbf[1]'))
try:
    json.loads('\ufeff[1]')
except json.JSONDecodeError as e:
    print(e.msg, e.pos)
for v in [1, None, [b'1'], memoryview(b'1')]:
    try:
        json.loads(v)
    except TypeError as e:
        print('TypeError', e)
try:
    json.loads(b'\xff')
except UnicodeDecodeError:
    print('UnicodeDecodeError')

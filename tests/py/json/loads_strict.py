# strict=False allows control characters inside strings; escapes work the same
import json

for s in ['"a\x00b"', '"tab\there"', '"\x1f\n\r"', '["x\x01", {"k\x02": "v"}]']:
    try:
        print(repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print('strict:', e.msg, e.pos)
    print(repr(json.loads(s, strict=False)))
print(json.loads('"\\u0000\\n"', strict=True) == '\x00\n')

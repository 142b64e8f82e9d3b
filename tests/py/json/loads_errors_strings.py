# JSONDecodeError in strings: unterminated, control characters, bad escapes
import json

for s in ['"abc', '"a\\', '"\\', '"\\x"', '"\\a"', '"\\U0041"', '"\\u12"', '"\\u12g4"', '"\\u', '"\\u123',
          '"\\uD800\\u"', '"\\uD800\\uZZZZ"', '"a\tb"', '"a\nb"', '"\x00"', '"\x1f"', '"é\\q"', '["ok", "bad\\']:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), e.msg, e.pos, '|', e)
print(repr(json.loads('"a\tb\x00"', strict=False)))

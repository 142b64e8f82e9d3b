# JSONDecodeError inside objects: names, delimiters, trailing commas
import json

for s in ['{', '{"', '{"a"', '{"a" 1}', '{"a":', '{"a":}', '{"a":1', '{"a":1,}', '{"a":1 "b":2}', '{1:2}',
          "{'a':1}", '{"a":1,,}', '{,}', '{"a"::1}', '{"a":1}}', '{"a" : [1, {"b": }]}', '{"a":1, "b"}']:
    try:
        json.loads(s)
        print(repr(s), 'ok')
    except json.JSONDecodeError as e:
        print(repr(s), e.msg, e.pos, '|', e)

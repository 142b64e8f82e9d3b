# NaN, Infinity and -Infinity, and parse_constant
import json

v = json.loads('[NaN, Infinity, -Infinity]')
print(v, [x != x for x in v])
print(json.loads('[NaN, -Infinity]', parse_constant=lambda c: 'const:' + c))
print(json.loads('{"a": Infinity}', parse_constant=str))
for s in ['nan', 'inf', 'Inf', 'NAN', '-NaN', 'infinity', '-infinity']:
    try:
        print(s, json.loads(s))
    except json.JSONDecodeError as e:
        print(s, 'JSONDecodeError', e.msg, e.pos)

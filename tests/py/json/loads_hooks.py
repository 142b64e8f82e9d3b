# object_hook, object_pairs_hook (which wins), parse_float and parse_int
import json

s = '{"a": 1, "b": {"c": 2.5, "d": [1, {"e": 3}]}}'
print(json.loads(s, object_hook=lambda d: sorted(d.items())))
print(json.loads(s, object_pairs_hook=lambda p: p))
print(json.loads(s, object_hook=len, object_pairs_hook=lambda p: [k for k, v in p]))
print(json.loads('{"x": 1, "x": 2}', object_pairs_hook=list))
print(json.loads('[1, 2.50, 3e2]', parse_float=str, parse_int=lambda t: int(t) * 10))
print(json.loads('[1.5, 2]', parse_float=lambda t: ('f', t)))
print(json.loads('{}', object_hook=lambda d: 'empty'), json.loads('[]', object_hook=lambda d: 1/0))
def strict_hook(d):
    if 'bad' in d:
        raise KeyError('bad')
    return d
try:
    json.loads('{"ok": {"bad": 1}}', object_hook=strict_hook)
except KeyError as e:
    print('KeyError', e)

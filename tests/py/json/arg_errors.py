# argument errors: positional-only options, unsupported types for keys and values
import json

def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
t(json.dumps)
t(json.dumps, 1, 2)
t(json.dumps, [1], indent='  ')
t(json.loads)
t(json.loads, '1', 2)
t(json.loads, '1', object_hook=None)
t(json.dumps, {1: 2}, sort_keys=1)
t(json.dumps, 'x', ensure_ascii=0)
t(json.dump, 1)
t(json.load, 'not a file')

# dumps then loads gives the value back, with every option combination
import json

v = {'s': 'é\n"q"😀', 'n': [0, -1, 10 ** 20, 1.5, -0.0, 1e-300], 'b': [True, False, None],
     'd': {'x': {}, 'y': [[]], 'z': 'w'}}
for kw in [{}, {'indent': 2}, {'sort_keys': True}, {'ensure_ascii': False}, {'separators': (',', ':')},
           {'indent': '\t', 'sort_keys': True, 'ensure_ascii': False}]:
    s = json.dumps(v, **kw)
    print(json.loads(s) == v, len(s))
w = json.loads(json.dumps([float('nan'), float('inf')]))
print(w[0] != w[0], w[1])
print(json.loads(json.dumps('\ud800')) == '\ud800', json.loads(json.dumps({1: 2})))

# sort_keys, and what happens with keys that cannot be compared
import json

v = {'b': 1, 'a': 2, 'c': {'z': 1, 'y': [{'n': 1, 'm': 2}]}}
print(json.dumps(v, sort_keys=True))
print(json.dumps(v, sort_keys=True, indent=1))
print(json.dumps({3: 'c', 1: 'a', 2: 'b'}, sort_keys=True))
print(json.dumps({'B': 1, 'a': 2, '_': 3, '1': 4}, sort_keys=True))
try:
    json.dumps({'a': 1, 1: 2}, sort_keys=True)
except TypeError:
    print('TypeError')
print(json.dumps({'é': 1, 'e': 2, 'z': 3}, sort_keys=True))

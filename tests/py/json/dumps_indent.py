# indent as int or str, nesting levels, empty containers stay on one line
import json

v = {'b': 1, 'a': [1, 2, {'q': [], 'r': {}}], 'c': 'x'}
for ind in [None, 0, 1, 2, 4, '', '\t', '--', -3, True]:
    print(repr(ind))
    print(json.dumps(v, indent=ind))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=2))
print(json.dumps('x', indent=2), json.dumps([1], indent=0))
try:
    json.dumps([1], indent=1.5)
except TypeError:
    print('TypeError')

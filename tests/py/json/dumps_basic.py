# dumps of the basic types and nesting
import json

for v in [None, True, False, 0, -7, 3.5, 'abc', '', [], {}, [1, [2, [3]]], {'a': {'b': [None]}},
          (1, 2), [(), ()], {'x': (1, 'y')}]:
    print(repr(v), json.dumps(v))
print(json.dumps([1, 'two', 3.0, None, True, {'k': []}]))
print(json.dumps({'z': 1, 'a': 2, 'm': 3}))

# loads of every kind of value
import json

for s in ['null', 'true', 'false', '0', '-0', '12', '-3.5', '1e3', '1E-2', '2.5e+3', '"abc"', '""', '[]', '{}',
          '[1, [2, [3]]]', '{"a": {"b": [null, true]}}', ' \t\n\r 7 \r\n', '[1,2,3]', '{"a":1,"b":2}',
          '123456789012345678901234567890', '-0.0', '1.0', '[-1e400, 1e400]', '0.1', '1.7976931348623157e308']:
    v = json.loads(s)
    print(repr(s), repr(v), type(v).__name__)
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"b": 1, "a": 2}'))

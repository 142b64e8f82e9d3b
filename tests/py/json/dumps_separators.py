# separators: compact output, custom strings, defaults with and without indent
import json

v = {'a': [1, 2], 'b': {'c': None}}
print(json.dumps(v, separators=(',', ':')))
print(json.dumps(v, separators=(' , ', ' = ')))
print(json.dumps(v, indent=2, separators=(',', ': ')))
print(json.dumps(v, indent=2))
print(json.dumps(v, indent=1, separators=(';', '->')))
print(json.dumps([1, 2], separators=['|', '#']))
for bad in [(',',), (',', ':', '!')]:
    try:
        json.dumps(v, separators=bad)
    except ValueError:
        print('ValueError')

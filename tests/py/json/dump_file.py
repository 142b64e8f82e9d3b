# dump() and load() work with any object that has write()/read()
import json

class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
class Source:
    def __init__(self, text):
        self.text = text
    def read(self):
        return self.text
out = Sink()
print(json.dump({'a': [1, 2], 'b': None}, out))
print(''.join(out.parts))
out = Sink()
json.dump([1, {'x': 'é'}], out, indent=2, ensure_ascii=False, sort_keys=True)
print(''.join(out.parts))
print(json.load(Source('{"k": [true, 1.5]}')))
print(json.load(Source(b'[1, 2]')), json.load(Source('  "s"  ')))
print(json.load(Source('{"a": 1.5}'), parse_float=str))
try:
    json.load(Source('[1,'))
except json.JSONDecodeError as e:
    print('JSONDecodeError', e)

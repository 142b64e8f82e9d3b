# big documents: many items, long strings, long numbers
import json

doc = '[' + ','.join(str(i) for i in range(20000)) + ']'
v = json.loads(doc)
print(len(v), v[-1], sum(v))
d = json.loads(json.dumps({'k%d' % i: [i, str(i)] for i in range(3000)}))
print(len(d), d['k2999'])
s = json.loads('"' + 'é' * 50000 + '"')
print(len(s), s[:3])
n = json.loads('1' * 1000)
print(len(str(n)), n % 1000)
print(json.loads('0.' + '1' * 500), json.loads('1e-400'), json.loads('-1e-400'))

# deeply nested values: a moderate depth works, an absurd depth is RecursionError
import json

v = [1]
for i in range(200):
    v = [v]
s = json.dumps(v)
print(len(s), s[:5], s[-5:])
d = {}
cur = d
for i in range(100):
    cur['k'] = {}
    cur = cur['k']
print(len(json.dumps(d)))
deep = []
for i in range(100000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError:
    print('RecursionError')
print(json.dumps([1, 2]))

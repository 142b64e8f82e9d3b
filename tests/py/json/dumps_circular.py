# circular references are detected; check_circular=False ends in RecursionError
import json

a = []
a.append(a)
d = {}
d['self'] = d
b = [1, {'x': []}]
b[1]['x'].append(b)
for v in [a, d, b]:
    try:
        json.dumps(v)
    except ValueError as e:
        print('ValueError', e)
try:
    json.dumps(a, check_circular=False)
except RecursionError:
    print('RecursionError')
class O:
    pass
o = O()
for f in [lambda x: x, lambda x: [x], lambda x: {'k': x}]:
    try:
        json.dumps(o, default=f)
    except ValueError as e:
        print('ValueError', e)
shared = [1]
print(json.dumps([shared, shared, {'a': shared}]))

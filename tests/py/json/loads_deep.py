# deep nesting: moderate depth works, absurd depth raises RecursionError
import json

v = json.loads('[' * 300 + ']' * 300)
n = 0
while v:
    v = v[0]
    n += 1
print(n)
print(len(json.dumps(json.loads('{"a":' * 100 + '1' + '}' * 100))))
for s in ['[' * 100000, '[' * 100000 + ']' * 100000, '{"a":' * 100000]:
    try:
        json.loads(s)
    except RecursionError:
        print('RecursionError')
print(json.loads('[[1]]'))

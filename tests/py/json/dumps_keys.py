# dict keys: str, int, float, bool and None are converted; others need skipkeys
import json

print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', False: 'e', -3: 'f', float('inf'): 'g'}))
print(json.dumps({10 ** 30: 1, -0.0: 2, 1e20: 3}))
for d in [{(1, 2): 3}, {frozenset(): 1}, {b'k': 1}]:
    try:
        json.dumps(d)
    except TypeError as e:
        print('TypeError', e)
print(json.dumps({(1, 2): 3, 'a': 1, b'x': 2}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True), json.dumps({(1, 2): 3}, skipkeys=True, indent=2))
try:
    json.dumps({float('nan'): 1}, allow_nan=False)
except ValueError as e:
    print('ValueError', e)
print(json.dumps({1: 1, '1': 2}))

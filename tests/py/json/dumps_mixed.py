# realistic nested data with every option on and off
import json

data = {
    'name': 'Widget', 'id': 12345, 'price': 9.99, 'tags': ['a', 'b'], 'active': True,
    'dims': {'w': 1.5, 'h': 2, 'unit': 'cm'}, 'notes': None, 'history': [{'v': 1}, {'v': 2, 'c': []}],
}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, separators=(',', ':'), sort_keys=True))
print(json.dumps([data['history'], data['dims']], indent='  '))
print(json.dumps(list(data.items())[:3]))

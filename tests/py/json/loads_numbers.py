# number syntax: what JSON accepts and where a number stops
import json

for s in ['0', '-0', '1.5', '-1.5e10', '1e+2', '1e-2', '10', '1E2', '0.000001', '123.456e-7', '9' * 300]:
    v = json.loads(s)
    print(s[:20], type(v).__name__, v if len(s) < 50 else len(str(v)))
for s in ['01', '1.', '.5', '-', '-a', '+1', '1e', '1e+', '1.e5', '0x10', '1_000', '--1', '1.5.5', 'Infinity1']:
    try:
        print(s, json.loads(s))
    except json.JSONDecodeError as e:
        print(s, 'JSONDecodeError', e)
print(json.loads('[1.0, 1, 1e0]'))

# floats are written as repr() writes them; NaN and infinities, allow_nan
import json

vals = [0.1, 1.0, -0.0, 1e16, 1e-7, 123456789.123, 1.7976931348623157e308, 5e-324, 2.5e-5, 1/3, 100.0, 1e22]
print(json.dumps(vals))
print(json.dumps([float('nan'), float('inf'), -float('inf')]))
for v in [float('nan'), float('inf'), [1, -float('inf')], {'a': float('nan')}]:
    try:
        print(json.dumps(v, allow_nan=False))
    except ValueError as e:
        print('ValueError', e)
print(json.dumps(2.0 ** 60), json.dumps(-1.5e-10))

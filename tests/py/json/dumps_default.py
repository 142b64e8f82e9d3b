# default= for unknown types; the TypeError without it
import json

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def enc(o):
    if isinstance(o, Point):
        return {'x': o.x, 'y': o.y}
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    raise TypeError('no: ' + type(o).__name__)
print(json.dumps([Point(1, 2), {3, 1, 2}], default=enc))
print(json.dumps({'p': Point(0, Point(5, 6))}, default=enc))
for v in [object(), {1, 2}, b'x', bytearray(b'y'), Point(1, 2), len]:
    try:
        json.dumps(v)
    except TypeError as e:
        print('TypeError', e)
try:
    json.dumps([1, b'x'], default=enc)
except TypeError as e:
    print('TypeError', e)
print(json.dumps(object(), default=lambda o: 'OBJ'), json.dumps(range(3), default=list))

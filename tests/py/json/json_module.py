# the json module's functions and exception class
import json

print(callable(json.dumps), callable(json.loads), callable(json.dump), callable(json.load))
e = json.JSONDecodeError('msg', 'doc\nx', 5)
print(type(e).__name__, isinstance(e, ValueError), e.args, e.msg, e.doc, e.pos, e.lineno, e.colno)
try:
    json.loads('{"a": tru}')
except json.JSONDecodeError as err:
    print(err.msg, err.pos, err.lineno, err.colno, err.doc, str(err) == err.args[0])
class E(json.JSONDecodeError):
    def __init__(self, *a):
        super().__init__(*a)
print(E('m', 'ab', 1), isinstance(E('m', 'ab', 1), json.JSONDecodeError))
try:
    json.JSONDecodeError('only msg')
except TypeError:
    print('TypeError')

# subclasses of list, tuple and dict are encoded as their base types
import json

class L(list):
    pass
class T(tuple):
    pass
class D(dict):
    def items(self):
        return [('ignored', 1)]
print(json.dumps([L([1, 2]), T((3,)), D(a=1)]))
print(json.dumps(L()), json.dumps(D()), json.dumps(T()))
print(json.dumps(D(b=[L([D(c=T())])]), indent=1))

# ints of any size, bools are not ints here, int and float subclasses use the base repr
import json

print(json.dumps([10 ** 40, -10 ** 40, 2 ** 64, -1, 0]))
print(json.dumps([True, False, 1, 0]))
class I(int):
    def __repr__(self):
        return 'I!'
class F(float):
    def __repr__(self):
        return 'F!'
print(json.dumps([I(5), F(2.5), {'k': I(7)}]))
print(json.dumps(12345678901234567890123456789012345678901234567890))

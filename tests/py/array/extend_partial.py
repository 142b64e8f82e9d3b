# a failing extend keeps the items appended before the error (as CPython); fromlist keeps none
import array
a = array.array('b', [1])
try:
    a.extend([2, 3, 300, 4])
except OverflowError:
    print('OverflowError')
print(a)
try:
    a.extend(x for x in [5, 'x', 6])
except TypeError:
    print('TypeError')
print(a)
try:
    a.fromlist([7, 8, 1000])
except OverflowError:
    print('OverflowError')
print(a)
def gen():
    yield 9
    raise RuntimeError('boom')
try:
    a.extend(gen())
except RuntimeError as e:
    print('RuntimeError', e)
print(a)
try:
    array.array('H', [1, 2, -1])
except OverflowError:
    print('OverflowError init')

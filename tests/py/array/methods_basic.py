# append, extend, insert, pop, remove, index, count, reverse
import array
a = array.array('l')
a.append(1)
a.append(2)
a.extend([3, 4])
a.extend(array.array('l', [5]))
a.extend(x for x in (6, 7))
a.insert(0, 0)
a.insert(100, 8)
a.insert(-100, -1)
a.insert(-1, 77)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(77) if 77 in a else None
print(a, a.index(3), a.index(5, 2), a.count(3), a.count(99))
a.extend([3, 3])
print(a.count(3), a.index(3, 4), a.index(3, -2))
a.reverse()
print(a)
a.extend(a)
print(a, len(a))
for call in [lambda: a.remove(99), lambda: a.index(99), lambda: a.index(1, 0, 1), lambda: array.array('i').pop(), lambda: a.pop(99)]:
    try:
        call()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    a.extend(array.array('d', [1.0]))
except TypeError:
    print('TypeError')
try:
    a.extend(5)
except TypeError:
    print('TypeError')

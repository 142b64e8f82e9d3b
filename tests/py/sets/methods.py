# Set methods.
s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
s.update([5, 6], {7})
print(s)
s.discard(99)
s.discard(5)
s.remove(6)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
p = s.pop()
print(p in s, len(s))
c = s.copy()
c.add(100)
print(100 in s, 100 in c)
s.clear()
print(s, len(s))
try:
    set().pop()
except KeyError:
    print("KeyError: pop from an empty set")
s = {1, 2, 3}
s.intersection_update({2, 3, 4})
s.difference_update({3})
s.symmetric_difference_update({5})
print(s)

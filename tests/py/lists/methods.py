# List methods.
l = [3, 1, 2]
l.append(4)
l.extend([5, 6])
l.extend(range(2))
l.insert(0, "first")
l.insert(100, "last")
l.insert(-1, "before last")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(2), l.count(0), l.count(99))
try:
    l.remove(99)
except ValueError:
    print("ValueError: remove")
try:
    l.index(99)
except ValueError:
    print("ValueError: index")
try:
    [].pop()
except IndexError:
    print("IndexError: pop from empty list")
l.reverse()
print(l)
c = l.copy()
c.append("x")
print(l, c)
c.clear()
print(c, len(c))
print([1, 2, 3, 2].index(2, 2))

# slice objects: attributes, indices() and use as subscripts.
s = slice(1, 8, 2)
print(s.start, s.stop, s.step, s)
l = list(range(10))
print(l[s], "abcdefghij"[s])
print(slice(5), slice(5).start, slice(5).stop, slice(2, None))
print(s.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10))
print(slice(-100, 100, 3).indices(7))
l[slice(0, 2)] = ["x"]
print(l)
del l[slice(None, None, 3)]
print(l)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))

# del with slices.
l = list(range(10))
del l[2:4]
print(l)
del l[::2]
print(l)
del l[::-1]
print(l)
l = list(range(10))
del l[-3:]
print(l)
del l[100:]
print(l)
del l[1::3]
print(l)
del l[:]
print(l)
ba = bytearray(b"abcdef")
del ba[1:3]
del ba[::2]
print(ba)

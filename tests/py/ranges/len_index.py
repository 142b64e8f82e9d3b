# len, indexing, slicing, membership, index and count of range objects.
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r[1:3], r[::-1], r[::2])
print(7 in r, 8 in r, 30 in r, r.index(11), r.count(11), r.count(12))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
print(len(range(0, -5, -2)), list(range(0, -5, -2)))
try:
    r[100]
except IndexError:
    print("IndexError: range object index out of range")
try:
    r.index(8)
except ValueError:
    print("ValueError")
print(r.start, r.stop, r.step)
print(range(0, 6, 2) == range(0, 5, 2), range(0) == range(5, 5), range(3) == range(4))

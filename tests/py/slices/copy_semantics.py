# A full slice makes a shallow copy.
a = [[1], [2]]
b = a[:]
b.append([3])
b[0].append("shared")
print(a, b, a is b, a[0] is b[0])
t = (1, 2)
print(t[:] == t)
s = "abc"
print(s[:] == s)
r = a[::-1]
r[0].append("r")
print(a)

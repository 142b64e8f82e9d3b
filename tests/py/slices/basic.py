# Slicing with start, stop, step, including out-of-range bounds.
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[:], l[-3:], l[:-3], l[-5:-2])
print(l[5:2], l[100:], l[-100:2], l[3:3], l[8:100])
print(l[::2], l[1::3], l[:5:2], l[::100])
s = "abcdefghij"
print(s[2:5], s[::3], s[-4:], s[:0], s[5:1])
t = tuple(l)
print(t[1:4], t[::5])
print(l[None:3], l[5:None], l[::None])

# Slices with negative steps.
l = list(range(10))
print(l[::-1], l[::-2], l[8:2:-1], l[8:2:-3], l[-1:-4:-1], l[2:8:-1])
print(l[:3:-1], l[3::-1], l[-100::-1], l[100::-1], l[:-100:-1])
s = "hello world"
print(s[::-1], s[-1:-6:-1], s[4::-2])
print(b"abcdef"[::-2], (1, 2, 3)[::-1], bytearray(b"xyz")[::-1])
try:
    l[::0]
except ValueError:
    print("ValueError: slice step cannot be zero")

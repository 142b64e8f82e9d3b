# Indexing bytes gives ints; slicing gives bytes.
b = b"abcdef"
print(b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:])
print(type(b[0]).__name__, type(b[0:1]).__name__)
print(list(b), [c for c in b"AZ"])
try:
    b[10]
except IndexError:
    print("IndexError")
try:
    b[0] = 1
except TypeError:
    print("TypeError: immutable")
print(b"c" in b, 99 in b, b"cd" in b, b"x" in b)

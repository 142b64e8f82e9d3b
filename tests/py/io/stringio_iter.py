# Iterating a StringIO yields its lines from the current position.
import io

s = io.StringIO("first\nsecond\n\nlast")
print(list(s), list(s))
s.seek(0)
for i, line in enumerate(s):
    print(i, repr(line))
s.seek(6)
print(next(s), end="")
print(iter(s) is s, [l.rstrip() for l in s])
try:
    next(s)
except StopIteration:
    print("StopIteration")
print(list(io.StringIO("")), list(io.StringIO("\n")), sum(1 for _ in io.StringIO("a\nb\nc\n")))
print(list(zip(io.StringIO("1\n2\n"), io.StringIO("x\ny\nz\n"))))

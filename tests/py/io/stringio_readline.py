# StringIO.readline(size) and readlines(hint).
import io

s = io.StringIO("one\ntwo\n\nthree")
print([s.readline() for _ in range(6)])
s.seek(0)
print(repr(s.readline(2)), repr(s.readline(10)), repr(s.readline(0)), repr(s.readline(-1)))
s.seek(0)
print(s.readlines())
for hint in range(0, 12, 2):
    s.seek(0)
    print(hint, s.readlines(hint))
s.seek(0)
print(s.readlines(None), s.readlines())
print(io.StringIO("no newline").readlines(), io.StringIO("").readlines())
print(io.StringIO("\n\n").readlines())

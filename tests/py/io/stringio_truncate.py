# StringIO.truncate: to the position or a size; the position does not move.
import io

s = io.StringIO("hello world")
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(2)
print(s.truncate(), repr(s.getvalue()), s.tell())
s.seek(10)
print(s.truncate(20), repr(s.getvalue()), s.tell())
s.write("x")
print(repr(s.getvalue()))
print(s.truncate(0), repr(s.getvalue()))
try:
    s.truncate(-1)
except ValueError:
    print("ValueError")
try:
    s.truncate("a")
except TypeError:
    print("TypeError")

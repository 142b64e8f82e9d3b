# io.StringIO: write, getvalue, read back, tell.
import io

s = io.StringIO()
print(s.write("hello "), s.write("world"), s.tell())
print(repr(s.getvalue()), repr(s.read()))
s.seek(0)
print(repr(s.read()), s.tell())
t = io.StringIO("initial text")
print(t.tell(), repr(t.read(7)), repr(t.read()), repr(t.read()), t.tell())
print(repr(io.StringIO().getvalue()), repr(io.StringIO(None).getvalue()), repr(io.StringIO("").read()))
u = io.StringIO("abc")
u.write("X")
print(repr(u.getvalue()), u.tell())
print(type(s).__name__, s.readable(), s.writable(), s.seekable(), s.isatty(), s.flush())
print(io.StringIO(initial_value="kw").read())

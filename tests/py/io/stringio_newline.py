# StringIO newline=: translation on write, line splitting and .newlines.
import io

text = "a\r\nb\rc\nd"
for nl in ("\n", None, "", "\r", "\r\n"):
    s = io.StringIO(text, newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines))
s = io.StringIO(newline=None)
s.write("x\r")
s.write("\ny")
print(repr(s.getvalue()), s.newlines)
s = io.StringIO(newline="")
s.write("p\r\nq")
print(repr(s.getvalue()), repr(s.newlines), repr(s.readline()))
print(repr(io.StringIO("a\r\nb", newline="").readline(2)))
print(repr(io.StringIO("a\r\nb", newline="\r\n").readline(2)))
print(repr(io.StringIO("a\r").readline()), repr(io.StringIO("a\r", newline="").readline()))
for bad in ("x", "\n\n", 5):
    try:
        io.StringIO("", bad)
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
print(io.StringIO().newlines, io.StringIO("a\n").newlines, io.StringIO("a\n", None).newlines)

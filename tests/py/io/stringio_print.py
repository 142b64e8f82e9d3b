# print(..., file=StringIO()) writes there; sep, end and flush are honoured.
import io

buf = io.StringIO()
print("hello", "world", file=buf)
print(1, 2, 3, sep="-", end="!\n", file=buf)
print(file=buf)
print("no newline", end="", file=buf)
print([1, {"a": None}], file=buf, flush=True)
print(*"abc", sep="", file=buf)
print(repr(buf.getvalue()))
print(buf.getvalue().splitlines())
log = io.StringIO()
for i in range(3):
    print("line", i, file=log)
print(log.getvalue(), end="")
print(repr(io.StringIO().getvalue()))
print("to stdout", file=None)

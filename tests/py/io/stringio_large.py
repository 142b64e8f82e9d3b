# Building a large text in a StringIO, then reading it back line by line.
import io

s = io.StringIO()
for i in range(5000):
    s.write("line %d\n" % i)
text = s.getvalue()
print(len(text), s.tell(), text[:14].split("\n"))
s.seek(0)
count = total = 0
for line in s:
    count += 1
    total += int(line.split()[1])
print(count, total)
s.seek(len(text) // 2)
print(repr(s.readline()), repr(s.readline()))
u = io.StringIO()
for i in range(2000):
    u.write("é%d" % (i % 10))
print(u.tell(), len(u.getvalue()))
u.seek(1999)
print(repr(u.read(4)))

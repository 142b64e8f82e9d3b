# os.path.split, basename, dirname
import os.path as p
for s in ('a/b/c', '/a', 'a', '', '/', 'a/', '//a//b', 'a/b/', '///'):
    print(repr(s), p.split(s), repr(p.basename(s)), repr(p.dirname(s)))
print(p.split(b'x/y'))

# os.path.splitext
import os.path as p
for s in ('a.txt', 'a.tar.gz', '.bashrc', 'a/.b', 'noext', 'a.b/c', '..x', 'a.', '', 'x/..y.z', '...'):
    print(repr(s), p.splitext(s))
print(p.splitext(b'f.py'))

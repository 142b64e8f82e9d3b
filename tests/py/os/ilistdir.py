# os.ilistdir (MicroPython): (name, type, inode) tuples
import os
if not hasattr(os, 'ilistdir'):
    # CPython: emulate with listdir and stat for the comparison
    def ilistdir(d):
        for n in os.listdir(d):
            st = os.stat(d + '/' + n)
            yield (n, st[0] & 0o170000, st[1])
else:
    ilistdir = os.ilistdir
D = 'tmp_ilistdir'
os.mkdir(D)
try:
    open(D + '/f', 'w').close()
    os.mkdir(D + '/d')
    for name, kind, ino in sorted(ilistdir(D)):
        print(name, hex(kind), type(ino).__name__)
finally:
    os.remove(D + '/f')
    os.rmdir(D + '/d')
    os.rmdir(D)

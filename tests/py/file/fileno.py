# fileno() gives an int descriptor, distinct per open file; open() accepts a descriptor
import os, sys
N = 'tmp_fileno.txt'
try:
    with open(N, 'w') as f, open(N) as g:
        a, b = f.fileno(), g.fileno()
        print(type(a).__name__, a > 2, b > 2, a != b)
    print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
    f = open(N, 'w')
    g = open(f.fileno(), 'w')
    print(g.name == f.fileno())
    g.write('via fd')
    g.close()
    with open(N) as f2:
        print(f2.read())
finally:
    os.remove(N)

# a regular file is always ready
import os, select
N = 'tmp_poll_file.txt'
with open(N, 'w') as f:
    f.write('x')
try:
    with open(N) as f, open(N, 'a') as g:
        p = select.poll()
        p.register(f, select.POLLIN)
        p.register(g.fileno(), select.POLLOUT)
        r = p.poll(0)
        print([(fd == f.fileno(), ev) for fd, ev in r])
        print([(fd == g.fileno(), ev) for fd, ev in p.poll(100)])
finally:
    os.remove(N)

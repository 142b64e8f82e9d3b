# polling a descriptor that was closed reports POLLNVAL
import os, select
N = 'tmp_poll_closed_fd.txt'
open(N, 'w').close()
try:
    f = open(N)
    fd = f.fileno()
    p = select.poll()
    p.register(fd, select.POLLIN)
    f.close()
    print([(x == fd, ev) for x, ev in p.poll(0)])
finally:
    os.remove(N)

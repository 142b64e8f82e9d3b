# modify() changes the mask; unregister() removes a descriptor
import os, select
N = 'tmp_poll_modify.txt'
open(N, 'w').close()
try:
    with open(N) as f:
        fd = f.fileno()
        p = select.poll()
        p.register(fd, select.POLLOUT)
        print([ev for _, ev in p.poll(0)])
        p.modify(f, select.POLLIN)
        print([ev for _, ev in p.poll(0)])
        p.register(fd, select.POLLIN | select.POLLOUT)
        print([ev for _, ev in p.poll(0)])
        p.unregister(f)
        print(p.poll(0))
finally:
    os.remove(N)

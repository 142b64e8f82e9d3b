# Files left open (`open(p).read()`, a file object dropped) are closed by the runtime: many
# in a row never run out of handles (a board's file system has only a few), and what was
# written to one that is dropped without close() is there after.
import gc
import os

N = 'tmp_open_unclosed.txt'
with open(N, 'w') as f:
    f.write('hello')
try:
    total = 0
    for i in range(200):
        total += len(open(N).read())
    print(total)
    for i in range(50):
        g = open(N, 'a')
        g.write('!')
        g = None
    gc.collect()
    print(open(N).read().count('!'))
    os.rename(N, N + '.2')  # an unclosed reader is no obstacle
    print(open(N + '.2').read()[:5])
finally:
    for n in (N, N + '.2'):
        if os.path.exists(n):
            os.remove(n)

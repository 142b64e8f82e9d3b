# a file larger than any buffer: line by line and in chunks
import os
N = 'tmp_large_file.txt'
try:
    with open(N, 'w') as f:
        for i in range(2000):
            f.write('line %d %s\n' % (i, 'x' * (i % 50)))
    with open(N) as f:
        n = 0
        total = 0
        for line in f:
            n += 1
            total += len(line)
    print(n, total)
    with open(N, 'rb') as f:
        chunks = 0
        size = 0
        while True:
            c = f.read(777)
            if not c:
                break
            chunks += 1
            size += len(c)
    print(chunks, size, os.stat(N).st_size)
finally:
    os.remove(N)

# create, grow, rename, stat and delete one file through os and open
import os
A, B = 'tmp_file_lifecycle_a', 'tmp_file_lifecycle_b'
try:
    with open(A, 'w') as f:
        f.write('x' * 10)
    print(os.stat(A).st_size)
    with open(A, 'a') as f:
        f.write('y' * 5)
    print(os.stat(A).st_size)
    os.rename(A, B)
    print(os.path.exists(A), os.stat(B).st_size)
finally:
    for n in (A, B):
        try:
            os.remove(n)
        except OSError:
            pass
print(os.path.exists(A), os.path.exists(B))

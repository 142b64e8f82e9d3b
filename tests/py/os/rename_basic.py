# rename() moves a file, replacing the target; errors name both files
import os
A, B = 'tmp_rename_basic_a.txt', 'tmp_rename_basic_b.txt'
with open(A, 'w') as f:
    f.write('A')
with open(B, 'w') as f:
    f.write('B')
try:
    os.rename(A, B)
    print(os.path.exists(A), open(B).read())
    try:
        os.rename(A, B)
    except FileNotFoundError as e:
        print(type(e).__name__, e.filename, e.filename2)
        print(str(e))
    os.rename(B, A)
    print(os.path.exists(A), os.path.exists(B))
finally:
    for n in (A, B):
        if os.path.exists(n):
            os.remove(n)

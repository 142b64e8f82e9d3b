# stat() of a file: a 10-field result, by index and by name
import os
N = 'tmp_stat_file.txt'
with open(N, 'w') as f:
    f.write('12345')
try:
    st = os.stat(N)
    print(len(st), st[6], st.st_size, st[0] == st.st_mode)
    print(st.st_mode & 0o170000 == 0o100000, st.st_nlink, st.st_ino == st[1])
    print(type(st.st_mtime).__name__, type(st[8]).__name__, int(st.st_mtime) == st[8])
    print(type(st).__name__, isinstance(st, tuple))
    mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime = st
    print(size, nlink)
finally:
    os.remove(N)

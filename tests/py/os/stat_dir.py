# stat() of a directory; st_mode's type bits
import os
D = 'tmp_stat_dir'
os.mkdir(D)
try:
    st = os.stat(D)
    print(st.st_mode & 0o170000 == 0o040000, st[0] & 0o040000 != 0)
    print(os.stat('.').st_mode & 0o170000 == 0o040000)
finally:
    os.rmdir(D)

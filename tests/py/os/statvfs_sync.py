# os.statvfs: ten fields, sizes consistent with each other; os.sync() returns None.
# (rtpy returns a tuple as MicroPython does; CPython an os.statvfs_result: both index alike.)
import os

s = os.statvfs(".")
print(len(s))
bsize, frsize, blocks, bfree, bavail = s[0], s[1], s[2], s[3], s[4]
print(bsize > 0, frsize > 0, blocks > 0, 0 <= bavail <= bfree <= blocks)
print(s[9] >= 64)  # f_namemax
print(os.sync())
try:
    os.statvfs("/no/such/dir/here")
except OSError as e:
    print(type(e).__name__, e.errno)

# os.sep and friends
import os
print(os.sep, os.curdir, os.pardir, os.extsep, repr(os.linesep), os.altsep, os.name)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(os.path.sep if hasattr(os.path, 'sep') else '/')

# OSError(errno, msg) picks the subclass; errno, strerror, filename attributes
import errno
for code in (errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.EINVAL):
    e = OSError(code, 'msg')
    print(code, type(e).__name__, e.errno, e.strerror, e.filename)
e = OSError(errno.ENOENT, 'No such file', 'name.txt')
print(str(e), e.filename)
print(issubclass(FileExistsError, OSError), issubclass(PermissionError, OSError))
print(str(OSError('plain')), OSError('plain').errno)
try:
    raise IsADirectoryError(21, 'Is a directory', 'd')
except OSError as e:
    print(type(e).__name__, e)

# errno: errorcode maps every code back to a name of that code; OSError carries them
import errno
codes = {n: getattr(errno, n) for n in dir(errno) if n.startswith('E') and n.isupper()}
print(all(getattr(errno, errno.errorcode[v]) == v for v in codes.values()))
print(all(isinstance(v, int) and v > 0 for v in codes.values()))
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EINVAL], errno.errorcode[errno.ENOMEM])
print(errno.errorcode is errno.errorcode, type(errno.errorcode).__name__)
try:
    raise OSError(errno.EAGAIN, 'try again')
except OSError as e:
    print(e.errno == errno.EAGAIN, e.strerror, errno.errorcode[e.errno])
print(issubclass(FileNotFoundError, OSError), OSError(errno.ENOENT, 'x').errno)
print(errno.errorcode.get(-1), 2 in errno.errorcode)
from errno import *
print(ENOENT == errno.ENOENT, errorcode[EINVAL])

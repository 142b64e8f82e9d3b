# errno: the common codes, errorcode, and OSError.errno (here beside math: both are C modules)
import errno
names = ['EPERM', 'ENOENT', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EEXIST', 'ENODEV',
         'EISDIR', 'EINVAL', 'ENOSPC', 'EROFS', 'EPIPE', 'ERANGE', 'ETIMEDOUT', 'ENOTCONN',
         'ECONNRESET', 'ECONNREFUSED', 'EINPROGRESS', 'EALREADY', 'EADDRINUSE', 'EOPNOTSUPP',
         'EHOSTUNREACH', 'ENOTDIR', 'EBUSY', 'EINTR', 'ENFILE', 'EMFILE', 'ENOTTY', 'EFBIG',
         'ESPIPE', 'EDOM', 'EDEADLK', 'ENAMETOOLONG', 'ENOSYS', 'ENOTEMPTY', 'EWOULDBLOCK',
         'ENOBUFS', 'ECONNABORTED', 'EMSGSIZE', 'EXDEV', 'ESRCH', 'E2BIG', 'ECHILD', 'EFAULT']
for n in names:
    v = getattr(errno, n)
    print(n, v, errno.errorcode[v] if n != 'EWOULDBLOCK' else '')
print(errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN] in ('EAGAIN', 'EWOULDBLOCK'))
print(type(errno.errorcode).__name__, all(errno.errorcode[getattr(errno, n)] in names for n in names))
e = OSError(errno.ENOENT, 'No such file')
print(e.errno == errno.ENOENT, e.args)
print(errno.__name__)

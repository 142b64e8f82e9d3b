# os: the file system and system calls of CPython's os that a board can offer. The calls are
# C (_os, over the port's VFS: docs/vfs.md); this adds stat_result, uname_result, the
# constants and os.path. See docs/python-api.md for what differs from CPython.
from _os import listdir, ilistdir, remove, unlink, rename, mkdir, rmdir, chdir, getcwd, urandom, statvfs, sync
import _os

sep = '/'
altsep = None
curdir = '.'
pardir = '..'
extsep = '.'
linesep = '\n'
pathsep = ':'
devnull = '/dev/null'
name = 'posix'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class stat_result(tuple):
    # the 10 integer fields by index (times as ints); st_atime/st_mtime/st_ctime are floats
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
              'st_atime', 'st_mtime', 'st_ctime')

    st_mode = property(lambda s: s[0])
    st_ino = property(lambda s: s[1])
    st_dev = property(lambda s: s[2])
    st_nlink = property(lambda s: s[3])
    st_uid = property(lambda s: s[4])
    st_gid = property(lambda s: s[5])
    st_size = property(lambda s: s[6])
    st_atime = property(lambda s: s._ftimes[0])
    st_mtime = property(lambda s: s._ftimes[1])
    st_ctime = property(lambda s: s._ftimes[2])

    def __repr__(self):
        return 'os.stat_result(%s)' % ', '.join('%s=%r' % (n, v) for n, v in zip(self._names, self))


def stat(path):
    t = _os.stat(path)
    r = stat_result(t[:10])
    r._ftimes = t[10:]
    return r


lstat = stat


class uname_result(tuple):
    sysname = property(lambda s: s[0])
    nodename = property(lambda s: s[1])
    release = property(lambda s: s[2])
    version = property(lambda s: s[3])
    machine = property(lambda s: s[4])

    def __repr__(self):
        return 'posix.uname_result(sysname=%r, nodename=%r, release=%r, version=%r, machine=%r)' % self


def uname():
    return uname_result(_os.uname())


def makedirs(name, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        makedirs(head, exist_ok=exist_ok)
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)


def walk(top, topdown=True):
    try:
        names = listdir(top)
    except OSError:
        return
    dirs, files = [], []
    for n in names:
        (dirs if path.isdir(path.join(top, n)) else files).append(n)
    if topdown:
        yield top, dirs, files
    for d in dirs:
        yield from walk(path.join(top, d), topdown)
    if not topdown:
        yield top, dirs, files


from os import path  # noqa: E402 (os.path needs the names above)

# os.path: POSIX path operations (as CPython's posixpath, for str and bytes paths).
import os


def _seps(p):
    return (b'/', b'.', b'') if isinstance(p, bytes) else ('/', '.', '')


def _check(p):
    if not isinstance(p, (str, bytes)):
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)


def join(a, *p):
    _check(a)
    sep = _seps(a)[0]
    path = a
    for b in p:
        _check(b)
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    _check(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    _check(p)
    sep, dot, empty = _seps(p)
    sep_i = p.rfind(sep)
    dot_i = p.rfind(dot)
    if dot_i > sep_i:
        i = sep_i + 1
        while i < dot_i:
            if p[i:i + 1] != dot:
                return p[:dot_i], p[dot_i:]
            i += 1
    return p, empty


def basename(p):
    return split(p)[1]


def dirname(p):
    _check(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def isabs(p):
    _check(p)
    return p.startswith(_seps(p)[0])


def normpath(p):
    _check(p)
    sep, dot, empty = _seps(p)
    dotdot = dot + dot
    if p == empty:
        return dot
    initial = 1 if p.startswith(sep) else 0
    if initial and p.startswith(sep * 2) and not p.startswith(sep * 3):
        initial = 2
    comps = []
    for c in p.split(sep):
        if c in (empty, dot):
            continue
        if c != dotdot or (not initial and not comps) or (comps and comps[-1] == dotdot):
            comps.append(c)
        elif comps:
            comps.pop()
    p = sep * initial + sep.join(comps)
    return p or dot


def abspath(p):
    _check(p)
    if not isabs(p):
        cwd = os.getcwd()
        if isinstance(p, bytes):
            cwd = cwd.encode()
        p = join(cwd, p)
    return normpath(p)


def exists(p):
    try:
        os.stat(p)
    except (OSError, ValueError):
        return False
    return True


def isfile(p):
    try:
        return os.stat(p)[0] & 0o170000 == 0o100000
    except (OSError, ValueError):
        return False


def isdir(p):
    try:
        return os.stat(p)[0] & 0o170000 == 0o040000
    except (OSError, ValueError):
        return False


def getsize(p):
    return os.stat(p)[6]


def getmtime(p):
    return os.stat(p).st_mtime

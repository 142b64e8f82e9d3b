"""Files on the device, through code run in its raw REPL. Data goes both ways as base64 lines
(only printable ASCII crosses the line: a terminal or a UART may treat control bytes as
signals or flow control); every copy is checked with SHA-256 (hashlib on the device)."""
import ast
import base64
import hashlib
import os
import sys
import time

from .errors import DeviceError, RemoteError

# Defined in the device's __main__ once per session (a reset forgets them).
HELPERS = r'''
import os, binascii, hashlib
def _rr_st(p):
    try:
        return os.stat(p)
    except OSError as e:
        if e.args[0] == 2:
            return None
        raise
def _rr_j(a, b):
    if a in ('', '.'):
        return b
    return a + b if a.endswith('/') else a + '/' + b
def _rr_ls(p):
    r = []
    for n in sorted(os.listdir(p)):
        s = os.stat(_rr_j(p, n))
        r.append((n, s[0] & 0x4000 != 0, s[6]))
    return r
def _rr_sha(p):
    h = hashlib.sha256()
    with open(p, 'rb') as f:
        while True:
            b = f.read(512)
            if not b:
                break
            h.update(b)
    return h.hexdigest()
def _rr_info(p, sha):
    s = _rr_st(p)
    if s is None:
        return None
    if s[0] & 0x4000:
        return ('d', 0, '')
    return ('f', s[6], _rr_sha(p) if sha else '')
def _rr_get(p):
    with open(p, 'rb') as f:
        while True:
            b = f.read(480)
            if not b:
                break
            print(binascii.b2a_base64(b, newline=False).decode())
def _rr_p(s):
    _rr_f.write(binascii.a2b_base64(s))
def _rr_rmtree(p):
    for n, d, _ in _rr_ls(p):
        q = _rr_j(p, n)
        if d:
            _rr_rmtree(q)
        else:
            os.remove(q)
    os.rmdir(p)
def _rr_mkdirs(p):
    q = ''
    for part in p.split('/'):
        q = q + '/' + part if q or p.startswith('/') else part
        if part and _rr_st(q) is None:
            os.mkdir(q)
'''

ENODEV = 19


def dev_path(p):
    """':x' or 'x' -> 'x' on the device; ':' -> '.' (the device's current directory)."""
    if p.startswith(":"):
        p = p[1:]
    if p not in ("/",):
        p = p.rstrip("/") if p.rstrip("/") else p
    return p or "."


def dev_join(a, b):
    if a in ("", "."):
        return b
    return a + b if a.endswith("/") else a + "/" + b


def dev_basename(p):
    return p.rstrip("/").rsplit("/", 1)[-1]


def into_dir(dst, dst_is_dir, nsrcs, src_is_dir):
    """Does a source go inside DST (DST/name) rather than become DST? A file copied to an
    existing directory goes inside it; a directory goes inside only when DST says it is a
    directory to copy into: a trailing '/', ':' or '.', or several sources. So
    `cp -r dir :dir` is the same copy every time (the second one skips what is unchanged)."""
    if nsrcs > 1:
        return True
    if src_is_dir:
        return dst.endswith("/") or dst in (":", ".", "./", ":.", ":./") or dst.endswith(os.sep)
    return dst_is_dir


def fs_error(what, err):
    """A one-line message from a device traceback; ENODEV means: no file system."""
    text = err.message if isinstance(err, DeviceError) else str(err)
    lines = [l for l in text.strip().splitlines() if l.strip()]
    last = lines[-1].strip() if lines else text
    if "[Errno %d]" % ENODEV in last:
        return RemoteError("%s: the device has no file system (ENODEV: %s)" % (what, last))
    return RemoteError("%s: %s" % (what, last))


class Progress:
    """A bar on stderr for long copies: only when stderr is a terminal, or when asked for."""
    def __init__(self, label, total, enabled):
        self.label, self.total, self.done = label, total, 0
        self.enabled = enabled and total >= 4096
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, n):
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and self.done < self.total:
            return
        self.last = now
        frac = self.done / self.total if self.total else 1.0
        width = 30
        fill = int(frac * width)
        rate = self.done / max(now - self.start, 1e-6) / 1024
        sys.stderr.write("\r%s [%s%s] %3d%% %d/%d bytes %.1f KiB/s" % (
            self.label[-40:], "#" * fill, "." * (width - fill), frac * 100, self.done, self.total, rate))
        sys.stderr.flush()

    def finish(self):
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def b64_programs(data, func, budget, chunk, bar):
    """The programs that hand data to the device function func (one base64 string argument a
    call): lines of 480 bytes, about chunk bytes a program, with raw paste's flow control
    (budget None); else one line a program, as much as fits the device's receive buffer."""
    if budget is None:
        per_line, lines_per = 480, max(1, chunk // 480)
    else:
        per_line, lines_per = max(3, (budget - len(func + "('')")) * 3 // 4 // 3 * 3), 1
    pos = 0
    while pos < len(data):
        lines = []
        for _ in range(lines_per):
            piece = data[pos:pos + per_line]
            if not piece:
                break
            lines.append("%s(%r)" % (func, base64.b64encode(piece).decode()))
            pos += len(piece)
            bar.update(len(piece))
        yield "\n".join(lines)


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(65536), b""):
            h.update(block)
    return h.hexdigest()


class Fs:
    def __init__(self, dev, out=None, progress=False, chunk=4096, force=False):
        self.dev = dev
        self.out = out or sys.stdout
        self.progress = progress
        self.chunk = chunk  # bytes of file data per program writing to a raw-paste device
        self.force = force
        self.session = None

    def say(self, text):
        self.out.write(text + "\n")
        self.out.flush()

    # ---- running helper code ---------------------------------------------------------------
    def ensure_helpers(self, what):
        if self.session != self.dev.session:
            try:
                self.dev.exec_(HELPERS)
            except DeviceError as e:
                raise fs_error(what, e)
            self.session = self.dev.session

    def call(self, what, code):
        """Runs helper-using code and returns the value it prints with repr()."""
        self.ensure_helpers(what)
        try:
            out = self.dev.exec_(code)
        except DeviceError as e:
            raise fs_error(what, e)
        text = out.decode("utf-8", "surrogateescape").strip()
        try:
            return ast.literal_eval(text) if text else None
        except (ValueError, SyntaxError):
            raise RemoteError("%s: unexpected output from the device: %r" % (what, text[-200:]))

    def info(self, p, sha=False):
        """None, ('d', 0, ''), or ('f', size, sha256-or-'')."""
        return self.call(":" if p == "." else ":" + p, "print(repr(_rr_info(%r, %r)))" % (p, sha))

    # ---- commands --------------------------------------------------------------------------
    def ls(self, paths):
        for i, raw in enumerate(paths or [":"]):
            p = dev_path(raw)
            st = self.info(p)
            if st is None:
                raise RemoteError("ls :%s: no such file or directory" % p)
            if len(paths) > 1:
                self.say(("\n" if i else "") + "ls :%s" % p)
            if st[0] == "d":
                for name, is_dir, size in self.call(":" + p, "print(repr(_rr_ls(%r)))" % p):
                    self.say("%12d %s%s" % (0 if is_dir else size, name, "/" if is_dir else ""))
            else:
                self.say("%12d %s" % (st[1], p))

    def tree(self, paths):
        for raw in paths or [":"]:
            p = dev_path(raw)
            st = self.info(p)
            if st is None:
                raise RemoteError("tree :%s: no such file or directory" % p)
            self.say(":" + (p if p != "." else ""))
            if st[0] == "d":
                self._tree(p, "")

    def _tree(self, p, prefix):
        entries = self.call(":" + p, "print(repr(_rr_ls(%r)))" % p)
        for i, (name, is_dir, size) in enumerate(entries):
            last = i == len(entries) - 1
            self.say("%s%s%s%s" % (prefix, "`-- " if last else "|-- ", name, "/" if is_dir else ""))
            if is_dir:
                self._tree(dev_join(p, name), prefix + ("    " if last else "|   "))

    def cat(self, paths):
        for raw in paths:
            p = dev_path(raw)
            self._get(p, lambda data: (sys.stdout.buffer.write(data), sys.stdout.buffer.flush()))

    def sha256sum(self, paths):
        for raw in paths:
            p = dev_path(raw)
            st = self.info(p, sha=True)
            if st is None:
                raise RemoteError("sha256sum :%s: no such file" % p)
            if st[0] == "d":
                raise RemoteError("sha256sum :%s: is a directory" % p)
            self.say("%s  %s" % (st[2], p))

    def rm(self, paths, recursive=False):
        for raw in paths:
            p = dev_path(raw)
            st = self.info(p)
            if st is None:
                raise RemoteError("rm :%s: no such file or directory" % p)
            if st[0] == "d":
                if not recursive:
                    raise RemoteError("rm :%s: is a directory (rm -r removes it and what it holds)" % p)
                self.call("rm :" + p, "_rr_rmtree(%r)" % p)
            else:
                self.call("rm :" + p, "os.remove(%r)" % p)

    def mkdir(self, paths, parents=False):
        for raw in paths:
            p = dev_path(raw)
            if parents:
                self.call("mkdir :" + p, "_rr_mkdirs(%r)" % p)
            else:
                self.call("mkdir :" + p, "os.mkdir(%r)" % p)

    def rmdir(self, paths):
        for raw in paths:
            p = dev_path(raw)
            self.call("rmdir :" + p, "os.rmdir(%r)" % p)

    # ---- copying ---------------------------------------------------------------------------
    def cp(self, srcs, dst, recursive=False):
        if len(srcs) < 1:
            raise RemoteError("cp: nothing to copy")
        to_dev = dst.startswith(":")
        for s in srcs:
            if s.startswith(":") == to_dev:
                raise RemoteError("cp %s %s: one side must be on the device (a leading ':'), "
                                  "the other local" % (s, dst))
        if to_dev:
            d = dev_path(dst)
            dinfo = self.info(d)
            dst_dir = dinfo is not None and dinfo[0] == "d"
            if len(srcs) > 1 and not dst_dir:
                raise RemoteError("cp: target :%s is not a directory" % d)
            for s in srcs:
                if not os.path.exists(s):
                    raise RemoteError("cp %s: no such file or directory" % s)
                target = dev_join(d, os.path.basename(os.path.normpath(s))) \
                    if into_dir(dst, dst_dir, len(srcs), os.path.isdir(s)) else d
                if os.path.isdir(s):
                    if not recursive:
                        raise RemoteError("cp: %s is a directory (cp -r copies it)" % s)
                    self._put_tree(s, target)
                else:
                    self._put(s, target)
        else:
            dst_dir = os.path.isdir(dst)
            if len(srcs) > 1 and not dst_dir:
                raise RemoteError("cp: target %s is not a directory" % dst)
            for s in srcs:
                p = dev_path(s)
                st = self.info(p)
                if st is None:
                    raise RemoteError("cp :%s: no such file or directory" % p)
                target = os.path.join(dst, dev_basename(p)) \
                    if into_dir(dst, dst_dir, len(srcs), st[0] == "d") else dst
                if st[0] == "d":
                    if not recursive:
                        raise RemoteError("cp: :%s is a directory (cp -r copies it)" % p)
                    self._get_tree(p, target)
                else:
                    self._get_file(p, target)

    def _put_tree(self, src, target):
        st = self.info(target)
        if st is None:
            self.call("mkdir :" + target, "os.mkdir(%r)" % target)
        elif st[0] != "d":
            raise RemoteError("cp -r %s: :%s exists and is not a directory" % (src, target))
        for name in sorted(os.listdir(src)):
            s = os.path.join(src, name)
            t = dev_join(target, name)
            if os.path.isdir(s):
                self._put_tree(s, t)
            else:
                self._put(s, t)

    def _put(self, src, target):
        with open(src, "rb") as f:
            data = f.read()
        local_sha = hashlib.sha256(data).hexdigest()
        st = self.info(target, sha=True)
        if st is not None and st[0] == "d":
            raise RemoteError("cp %s: :%s is a directory" % (src, target))
        if st is not None and st[2] == local_sha and not self.force:
            self.say("skip %s -> :%s (unchanged)" % (src, target))
            return
        what = "cp %s :%s" % (src, target)
        bar = Progress(what, len(data), self.progress)
        try:
            self.call(what, "_rr_f = open(%r, 'wb')" % target)
            for program in b64_programs(data, "_rr_p", self.dev.code_budget(), self.chunk, bar):
                self.call(what, program)
            result = self.call(what, "_rr_f.close()\nprint(repr(_rr_sha(%r)))" % target)
        except RemoteError:
            try:
                self.dev.exec_("try:\n    _rr_f.close()\nexcept Exception:\n    pass\n")
            except RemoteError:
                pass
            raise
        finally:
            bar.finish()
        if result != local_sha:
            raise RemoteError("%s: verification failed: SHA-256 on the device %s, local %s"
                              % (what, result, local_sha))
        self.say("copy %s -> :%s (%d bytes)" % (src, target, len(data)))

    def _get(self, p, sink, size=0, label=None):
        """Streams the device file's bytes to sink(data)."""
        self.ensure_helpers(":" + p)
        bar = Progress(label or p, size, self.progress)
        pending = bytearray()

        def take(chunk):
            pending.extend(chunk)
            while True:
                i = pending.find(b"\n")
                if i < 0:
                    break
                line = bytes(pending[:i]).strip()
                del pending[:i + 1]
                if line:
                    data = base64.b64decode(line)
                    sink(data)
                    bar.update(len(data))
        try:
            self.dev.send_code("_rr_get(%r)\n" % p)
            _, err = self.dev.follow(take)
        finally:
            bar.finish()
        if err:
            raise fs_error("cat :%s" % p if label is None else label,
                           DeviceError(err.decode("utf-8", "replace")))
        take(b"\n")

    def _get_file(self, p, target):
        st = self.info(p, sha=True)
        what = "cp :%s %s" % (p, target)
        if os.path.isdir(target):
            raise RemoteError("%s: %s is a directory" % (what, target))
        if os.path.isfile(target) and sha256_file(target) == st[2] and not self.force:
            self.say("skip :%s -> %s (unchanged)" % (p, target))
            return
        h = hashlib.sha256()
        tmp = target + ".rtpy-remote.part"
        with open(tmp, "wb") as f:
            def sink(data):
                f.write(data)
                h.update(data)
            try:
                self._get(p, sink, st[1], what)
            except BaseException:
                f.close()
                os.unlink(tmp)
                raise
        if h.hexdigest() != st[2]:
            os.unlink(tmp)
            raise RemoteError("%s: verification failed: SHA-256 on the device %s, received %s"
                              % (what, st[2], h.hexdigest()))
        os.replace(tmp, target)
        self.say("copy :%s -> %s (%d bytes)" % (p, target, st[1]))

    def _get_tree(self, p, target):
        if os.path.exists(target) and not os.path.isdir(target):
            raise RemoteError("cp -r :%s: %s exists and is not a directory" % (p, target))
        os.makedirs(target, exist_ok=True)
        for name, is_dir, _ in self.call(":" + p, "print(repr(_rr_ls(%r)))" % p):
            q = dev_join(p, name)
            t = os.path.join(target, name)
            if is_dir:
                self._get_tree(q, t)
            else:
                self._get_file(q, t)

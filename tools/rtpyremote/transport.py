"""Byte streams to a device: a serial line (or any tty such as a pty), a QEMU process's stdio,
or a host rtpy on a pseudo-terminal. All of them are file descriptors polled with select, so
reads take a timeout and writes never block while the device is trying to talk to us.
"""
import errno
import fcntl
import os
import select
import subprocess
import termios

from .errors import DeviceAbsent, DeviceBusy, DeviceGone

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_ELF = os.path.join("build", "mps2-an385", "rtpy.elf")
DEFAULT_HOST = os.path.join("build", "host", "rtpy")
QEMU_CMD = ["qemu-system-arm", "-M", "mps2-an385", "-nographic", "-monitor", "none",
            "-semihosting-config", "enable=on,target=native", "-icount", "shift=0,sleep=off"]

BAUDS = {b: getattr(termios, "B%d" % b) for b in
         (9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000, 921600,
          1000000, 1152000, 1500000, 2000000, 3000000, 4000000) if hasattr(termios, "B%d" % b)}


class Transport:
    """A duplex byte stream on two file descriptors (maybe the same one)."""
    kind = "?"
    name = "?"
    restartable = False  # a program we started: a reset that ends it starts it again

    def __init__(self, rfd, wfd):
        self.rfd, self.wfd = rfd, wfd
        self.inbuf = bytearray()  # read while a write was waiting
        self.eof = False
        for fd in {rfd, wfd}:
            os.set_blocking(fd, False)

    def _read_fd(self):
        try:
            data = os.read(self.rfd, 65536)
        except BlockingIOError:
            return
        except OSError as e:  # a pty master reads EIO once the other side is closed
            if e.errno not in (errno.EIO, errno.EBADF):
                raise
            data = b""
        if not data:
            self.eof = True
        self.inbuf += data

    def read(self, timeout):
        """What arrived within `timeout` seconds (b"" if nothing); DeviceGone at the end."""
        if not self.inbuf and not self.eof:
            r, _, _ = select.select([self.rfd], [], [], max(0.0, timeout))
            if r:
                self._read_fd()
        if self.inbuf:
            data = bytes(self.inbuf)
            self.inbuf.clear()
            return data
        if self.eof:
            raise DeviceGone(self.gone_message())
        return b""

    def readable(self):
        if self.inbuf or self.eof:
            return True
        r, _, _ = select.select([self.rfd], [], [], 0)
        return bool(r)

    def write(self, data):
        view = memoryview(data)
        while view:
            r, w, _ = select.select([] if self.eof else [self.rfd], [self.wfd], [], 30)
            if r:
                self._read_fd()
            if w:
                try:
                    n = os.write(self.wfd, view)
                except BlockingIOError:
                    continue
                except OSError as e:
                    if e.errno in (errno.EPIPE, errno.EIO, errno.EBADF):
                        raise DeviceGone(self.gone_message())
                    raise
                view = view[n:]
            elif not r:
                raise DeviceBusy("%s: the device does not take input" % self.name)

    def gone_message(self):
        return "%s: the device went away" % self.name

    def close(self):
        for fd in {self.rfd, self.wfd}:
            try:
                os.close(fd)
            except OSError:
                pass

    def exit_status(self):
        return None


def set_raw(fd, baud=None):
    """Raw 8N1: no echo, no line editing, no signals, no CR/LF translation in either direction."""
    t = termios.tcgetattr(fd)
    iflag, oflag, cflag, lflag, ispeed, ospeed, cc = t
    iflag &= ~(termios.IGNBRK | termios.BRKINT | termios.PARMRK | termios.ISTRIP | termios.INLCR |
               termios.IGNCR | termios.ICRNL | termios.IXON | termios.IXOFF | termios.IXANY)
    oflag &= ~termios.OPOST
    lflag &= ~(termios.ECHO | termios.ECHONL | termios.ICANON | termios.ISIG | termios.IEXTEN)
    cflag &= ~(termios.CSIZE | termios.PARENB | termios.CSTOPB | getattr(termios, "CRTSCTS", 0))
    cflag |= termios.CS8 | termios.CREAD | termios.CLOCAL
    cc = list(cc)
    cc[termios.VMIN] = 1
    cc[termios.VTIME] = 0
    if baud is not None:
        ispeed = ospeed = BAUDS[baud]
    termios.tcsetattr(fd, termios.TCSANOW, [iflag, oflag, cflag, lflag, ispeed, ospeed, cc])


class SerialTransport(Transport):
    """A serial device or a pty slave. Held exclusively: flock (other rtpy-remote, and tools
    that lock the same way) and TIOCEXCL (any later open() fails with EBUSY)."""
    kind = "serial"

    def __init__(self, path, baud=115200):
        self.name, self.baud = path, baud
        if baud not in BAUDS:
            raise DeviceAbsent("%s: unsupported baud rate %d" % (path, baud))
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        except FileNotFoundError:
            raise DeviceAbsent("%s: no such device" % path)
        except OSError as e:
            if e.errno == errno.EBUSY:
                raise DeviceBusy("%s: in use by another program" % path)
            raise DeviceAbsent("%s: cannot open: %s" % (path, e.strerror))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise DeviceBusy("%s: in use by another program (locked)" % path)
        try:
            set_raw(fd, baud)
            fcntl.ioctl(fd, termios.TIOCEXCL)
        except termios.error as e:
            os.close(fd)
            raise DeviceAbsent("%s: not a serial device (%s)" % (path, e.args[-1]))
        except OSError:
            pass  # TIOCEXCL is a courtesy: the lock is what we rely on
        super().__init__(fd, fd)

    def gone_message(self):
        return "%s: the device went away (unplugged or reset)" % self.name

    def close(self):
        try:
            fcntl.ioctl(self.rfd, termios.TIOCNXCL)
        except OSError:
            pass
        super().close()


class ProcessTransport(Transport):
    """A program we start: QEMU on pipes (its UART is its stdio), or the host rtpy on a pty
    (its REPL runs only on a terminal)."""
    restartable = True

    def __init__(self, kind, argv, use_pty, cwd=None):
        self.kind, self.argv, self.use_pty, self.cwd = kind, argv, use_pty, cwd
        self.name = "%s (%s)" % (kind, argv[0])
        self.proc = None
        self.start()

    def start(self):
        try:
            if self.use_pty:
                master, slave = os.openpty()
                try:
                    self.proc = subprocess.Popen(self.argv, stdin=slave, stdout=slave, stderr=slave,
                                                 cwd=self.cwd, start_new_session=True)
                finally:
                    os.close(slave)
                Transport.__init__(self, master, master)
            else:
                self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.STDOUT, cwd=self.cwd,
                                             start_new_session=True)
                Transport.__init__(self, self.proc.stdout.fileno(), self.proc.stdin.fileno())
        except FileNotFoundError:
            raise DeviceAbsent("%s: cannot start %s: no such program" % (self.kind, self.argv[0]))
        except PermissionError:
            raise DeviceAbsent("%s: cannot start %s: permission denied" % (self.kind, self.argv[0]))

    def exit_status(self):
        return self.proc.poll() if self.proc else None

    def wait_exit(self, timeout):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def gone_message(self):
        st = self.proc.poll() if self.proc else None
        if st is None:
            try:
                st = self.proc.wait(1)
            except subprocess.TimeoutExpired:
                st = None
        return "%s: the program exited%s" % (self.name, "" if st is None else " with status %d" % st)

    def close(self):
        if self.proc is None:
            return
        if self.use_pty:
            Transport.close(self)
        else:
            for f in (self.proc.stdin, self.proc.stdout):
                try:
                    f.close()
                except OSError:
                    pass
        try:
            self.proc.wait(1 if self.use_pty else 0)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def restart(self):
        self.close()
        self.inbuf = bytearray()
        self.eof = False
        self.start()


def find_file(path):
    """A file given relative to the cwd, else relative to the project root."""
    if os.path.exists(path) or os.path.isabs(path):
        return path
    alt = os.path.join(ROOT, path)
    return alt if os.path.exists(alt) else path


def open_target(spec, baud=115200, extra_args=(), cwd=None):
    """TARGET: qemu[:ELF], host[:PATH], or a device path."""
    kind, _, arg = spec.partition(":")
    if kind == "qemu":
        elf = find_file(arg or DEFAULT_ELF)
        if not os.path.isfile(elf):
            raise DeviceAbsent("qemu: no firmware %s (make firmware builds it)" % elf)
        # --flash=FILE, as for a host target: the board's flash in FILE, named on QEMU's
        # semihosting command line (docs/storage.md); other arguments go to QEMU as they are
        cmd = list(QEMU_CMD)
        for a in extra_args:
            if a.startswith("--flash="):
                path = os.path.abspath(os.path.join(cwd or ".", a[len("--flash="):]))
                cmd[cmd.index("enable=on,target=native")] += ",arg=rtpy,arg=--flash=" + path
            else:
                cmd.append(a)
        return ProcessTransport("qemu", cmd + ["-kernel", os.path.abspath(elf)],
                                use_pty=False, cwd=cwd)
    if kind == "host":
        prog = find_file(arg or DEFAULT_HOST)
        if not os.path.isfile(prog):
            raise DeviceAbsent("host: no program %s (make builds it)" % prog)
        return ProcessTransport("host", [os.path.abspath(prog)] + list(extra_args),
                                use_pty=True, cwd=cwd)
    if extra_args:
        raise DeviceAbsent("%s: --target-arg is only for qemu and host targets" % spec)
    return SerialTransport(spec, baud)

"""The command line: global options, then commands separated by '+'."""
import argparse
import os
import select
import sys

from .device import Device
from .errors import DeviceError, DeviceGone, RemoteError, Usage
from .fs import Fs
from .mip import install as mip_install
from .ota import push as ota_push
from .transport import open_target

USAGE = """rtpy-remote [-d TARGET] [options] COMMAND [ARGS...] [+ COMMAND [ARGS...]]...
       rtpy-remote connect TARGET COMMAND [ARGS...] [+ COMMAND ...]"""

DESCRIPTION = """Drives an rtpy device through its raw REPL.

TARGET: a serial device or pty path (/dev/ttyACM0, /dev/ttyUSB0, /dev/pts/3);
  qemu[:ELF]   the firmware in qemu-system-arm -M mps2-an385 (default build/mps2-an385/rtpy.elf)
  host[:PATH]  a host rtpy in its REPL on a pty (default build/host/rtpy), in the current directory
  Without -d: $RTPY_REMOTE_DEVICE.

commands:
  repl                     the device's REPL on this terminal (Ctrl-] leaves)
  run FILE                 runs a local Python file on the device, streaming its output
  exec CODE                runs CODE on the device
  eval EXPR                prints repr(EXPR) evaluated on the device
  fs ls [PATH...]          lists device directories (size, name; directories end in /)
  fs tree [PATH...]        the tree below device directories
  fs cat PATH...           writes device files to stdout
  fs cp [-r] [-f] SRC... DST
                           copies files; device paths start with ':' (fs cp a.py :a.py,
                           fs cp -r dir :dir, fs cp :log.txt .); a file whose SHA-256
                           already matches is skipped (-f copies anyway); copies are verified
  fs rm [-r] PATH...       removes device files (-r: directories with their contents)
  fs mkdir [-p] PATH...    makes device directories
  fs rmdir PATH...         removes empty device directories
  fs sha256sum PATH...     SHA-256 of device files, computed on the device
  ota [--permanent] [--reset] FILE
                           writes a signed image (tools/rtpy-img) into the device's secondary
                           slot with its ota module; the device checks it and marks it
                           pending: a test upgrade (reverted at the next reset unless the
                           new image calls ota.confirm()), or --permanent; --reset resets the
                           device then, which installs it (docs/ota.md)
  mip install [--index URL] [--target DIR] [--version V] [--no-mpy] PACKAGE
                           installs a package and its dependencies from a micropython-lib
                           style index (default micropython.org), downloaded and checked on
                           this PC, then copied as fs cp does (docs/packages.md)
  reset                    machine.reset(), then waits for the device to come back
  soft-reset               Ctrl-D in the raw REPL, then waits for the device to come back

Device paths in fs commands may be written with or without the leading ':' except in cp.
Exit status: 0 ok, 1 the code or operation failed on the device, 2 usage, 3 device absent or
gone, 4 device busy, 5 protocol error."""


def global_parser():
    p = argparse.ArgumentParser(prog="rtpy-remote", usage=USAGE, description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-d", "--device", metavar="TARGET", help="the device (see TARGET)")
    p.add_argument("-a", "--target-arg", metavar="ARG", action="append", default=[],
                   help="an extra argument for the program a qemu/host target starts "
                        "(repeatable; write --target-arg=--flash=FILE for one starting with -)")
    p.add_argument("-b", "--baud", type=int, default=115200, help="serial baud rate (default 115200)")
    p.add_argument("-t", "--timeout", type=float, default=5.0,
                   help="seconds to wait for the device's prompts before calling it busy (default 5)")
    p.add_argument("--progress", action="store_true", help="a progress bar on copies even when "
                   "stderr is not a terminal")
    p.add_argument("--chunk", type=int, default=4096, help="bytes of file data per program when "
                   "writing to a device with raw-paste mode (default 4096)")
    p.add_argument("--rx-buffer", type=int, default=256, metavar="BYTES",
                   help="the most code sent at once to a device without raw-paste mode (its "
                        "receive buffer; default 256): longer code goes in pieces of this size")
    p.add_argument("-v", "--verbose", action="store_true", help="log the bytes exchanged to stderr")
    p.add_argument("command", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return p


class CmdParser(argparse.ArgumentParser):
    def error(self, message):
        where = self.prog.replace("rtpy-remote", "").strip()
        raise Usage("%s%s" % (where + ": " if where else "", message))


def command_parser():
    p = CmdParser(prog="rtpy-remote", add_help=False)
    sub = p.add_subparsers(dest="cmd", metavar="COMMAND", parser_class=CmdParser)
    sub.required = True
    sub.add_parser("connect").add_argument("target")
    sub.add_parser("repl")
    sub.add_parser("run").add_argument("file")
    sub.add_parser("exec").add_argument("code")
    sub.add_parser("eval").add_argument("expr")
    sub.add_parser("reset")
    ota = sub.add_parser("ota")
    ota.add_argument("--permanent", action="store_true")
    ota.add_argument("--reset", action="store_true")
    ota.add_argument("file")
    sub.add_parser("soft-reset")
    mip = sub.add_parser("mip").add_subparsers(dest="mipcmd", metavar="MIP-COMMAND",
                                                 parser_class=CmdParser)
    mip.required = True
    mi = mip.add_parser("install")
    for opt in ("--index", "--target", "--version"):
        mi.add_argument(opt)
    mi.add_argument("--no-mpy", action="store_true")
    mi.add_argument("package")
    fs = sub.add_parser("fs")
    fsub = fs.add_subparsers(dest="fscmd", metavar="FS-COMMAND", parser_class=CmdParser)
    fsub.required = True
    for name in ("ls", "tree"):
        fsub.add_parser(name).add_argument("paths", nargs="*")
    for name in ("cat", "rmdir", "sha256sum"):
        fsub.add_parser(name).add_argument("paths", nargs="+")
    rm = fsub.add_parser("rm")
    rm.add_argument("-r", "--recursive", action="store_true")
    rm.add_argument("paths", nargs="+")
    mk = fsub.add_parser("mkdir")
    mk.add_argument("-p", "--parents", action="store_true")
    mk.add_argument("paths", nargs="+")
    cp = fsub.add_parser("cp")
    cp.add_argument("-r", "--recursive", action="store_true")
    cp.add_argument("-f", "--force", action="store_true")
    cp.add_argument("paths", nargs="+")
    return p


def split_chain(words):
    chain, cur = [], []
    for w in words:
        if w == "+":
            if cur:
                chain.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        chain.append(cur)
    return chain


class Output:
    """Device output to our stdout as it arrives, \\r\\n made \\n."""
    def __init__(self, stream):
        self.stream = stream
        self.cr = False

    def __call__(self, data):
        if self.cr:
            data = b"\r" + data
            self.cr = False
        if data.endswith(b"\r"):
            data = data[:-1]
            self.cr = True
        self.stream.write(data.replace(b"\r\n", b"\n"))
        self.stream.flush()

    def end(self):
        if self.cr:
            self.stream.write(b"\r")
            self.stream.flush()
            self.cr = False


class Session:
    def __init__(self, opts):
        self.opts = opts
        self.target = opts.device or os.environ.get("RTPY_REMOTE_DEVICE")
        self.dev = None
        self.fs = None

    def device(self):
        if self.dev is None:
            if not self.target:
                raise Usage("no device: give -d TARGET (a serial device, qemu[:ELF] or host[:PATH])"
                            " or set RTPY_REMOTE_DEVICE")
            log = None
            if self.opts.verbose:
                def log(direction, data):
                    sys.stderr.write("%s %r\n" % (direction, data))
            t = open_target(self.target, self.opts.baud, self.opts.target_arg)
            self.dev = Device(t, timeout=self.opts.timeout, rx_buffer=self.opts.rx_buffer, log=log)
            if t.restartable:
                try:
                    self.dev.wait_boot(max(self.opts.timeout, 30))
                except RemoteError:
                    self.close()
                    raise
        return self.dev

    def filesystem(self):
        if self.fs is None:
            progress = self.opts.progress or sys.stderr.isatty()
            self.fs = Fs(self.device(), progress=progress, chunk=self.opts.chunk)
        self.fs.dev = self.device()
        return self.fs

    def close(self):
        if self.dev:
            self.dev.close()
            self.dev = None

    # ---- commands ----------------------------------------------------------------------------
    def run_code(self, code):
        dev = self.device()
        out = Output(sys.stdout.buffer)
        dev.send_code(code)
        _, err = dev.follow(out, interruptible=True)
        out.end()
        if err:
            raise DeviceError(dev.error_text(err))

    def do(self, a):
        if a.cmd == "connect":
            raise Usage("connect must come first")
        if a.cmd == "exec":
            self.run_code(a.code)
        elif a.cmd == "eval":
            self.run_code("print(repr(%s\n))" % a.expr)
        elif a.cmd == "run":
            try:
                with open(a.file, "rb") as f:
                    code = f.read()
            except OSError as e:
                raise Usage("run: %s: %s" % (a.file, e.strerror))
            self.run_code(code)
        elif a.cmd == "ota":
            progress = self.opts.progress or sys.stderr.isatty()
            ota_push(self.device(), a.file, a.permanent, progress, self.opts.chunk)
            sys.stdout.flush()
            if a.reset:
                self.device().hard_reset()
        elif a.cmd == "mip":
            mip_install(self.filesystem(), a.package, a.index, a.target, a.version, not a.no_mpy)
        elif a.cmd == "reset":
            self.device().hard_reset()
        elif a.cmd == "soft-reset":
            self.device().soft_reset()
        elif a.cmd == "repl":
            self.repl()
        elif a.cmd == "fs":
            fs = self.filesystem()
            c = a.fscmd
            if c == "ls":
                fs.ls(a.paths)
            elif c == "tree":
                fs.tree(a.paths)
            elif c == "cat":
                fs.cat(a.paths)
            elif c == "sha256sum":
                fs.sha256sum(a.paths)
            elif c == "rm":
                fs.rm(a.paths, a.recursive)
            elif c == "mkdir":
                fs.mkdir(a.paths, a.parents)
            elif c == "rmdir":
                fs.rmdir(a.paths)
            elif c == "cp":
                if len(a.paths) < 2:
                    raise Usage("fs cp: needs SRC... DST")
                fs.force = a.force
                fs.cp(a.paths[:-1], a.paths[-1], a.recursive)

    def repl(self):
        """Passes bytes both ways until Ctrl-] (or the end of our stdin)."""
        dev = self.device()
        if dev.t.eof and dev.t.restartable:
            dev.restart_program()
        out = sys.stdout.buffer
        if dev.in_raw:
            dev.leave_raw()  # the device prints its banner and the friendly prompt
        elif dev.buf:
            out.write(bytes(dev.buf))
        dev.buf.clear()
        out.flush()
        fd = sys.stdin.fileno()
        tty_in = os.isatty(fd)
        saved = None
        if tty_in:
            import termios
            import tty
            saved = termios.tcgetattr(fd)
            tty.setraw(fd)
            sys.stderr.write("[rtpy-remote: Ctrl-] leaves the REPL]\r\n")
            sys.stderr.flush()
        stdin_open = True
        try:
            while True:
                rl = [dev.t.rfd] + ([fd] if stdin_open else [])
                r, _, _ = select.select(rl, [], [], None if stdin_open else 0.5)
                if not r and not stdin_open:
                    break  # our input ended and the device has gone quiet
                if dev.t.rfd in r or dev.t.inbuf:
                    try:
                        data = dev.t.read(0)
                    except DeviceGone:
                        if tty_in:
                            sys.stderr.write("\r\n[rtpy-remote: the device went away]\r\n")
                        break
                    out.write(data)
                    out.flush()
                if stdin_open and fd in r:
                    data = os.read(fd, 1024)
                    if not data:
                        stdin_open = False
                        continue
                    i = data.find(b"\x1d")
                    if i >= 0:
                        if i:
                            dev.write(data[:i])
                        break
                    dev.write(data)
        finally:
            if saved is not None:
                import termios
                termios.tcsetattr(fd, termios.TCSAFLUSH, saved)
                sys.stderr.write("\n")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    opts = global_parser().parse_args(argv)
    words = opts.command
    if words and words[0] == "connect":
        if len(words) < 2:
            sys.stderr.write("rtpy-remote: connect needs a TARGET\n")
            return 2
        opts.device = words[1]
        words = words[2:]
        if words and words[0] == "+":
            words = words[1:]
    if opts.rx_buffer < 32 or opts.chunk < 480:
        sys.stderr.write("rtpy-remote: --rx-buffer must be at least 32, --chunk at least 480\n")
        return 2
    chain = split_chain(words)
    if not chain:
        sys.stderr.write("rtpy-remote: no command (rtpy-remote -h lists them)\n")
        return 2
    parser = command_parser()
    session = Session(opts)
    try:
        cmds = [parser.parse_args(c) for c in chain]
        for a in cmds:
            session.do(a)
        return 0
    except DeviceError as e:
        sys.stdout.flush()
        sys.stderr.write(e.message if e.message.endswith("\n") else e.message + "\n")
        return e.status
    except RemoteError as e:
        sys.stdout.flush()
        sys.stderr.write("rtpy-remote: %s\n" % e.message)
        return e.status
    except BrokenPipeError:
        return 1
    except OSError as e:  # a local file: cannot read, cannot write, no such directory
        sys.stdout.flush()
        sys.stderr.write("rtpy-remote: %s%s\n" % (e.strerror or e, ": " + e.filename if e.filename else ""))
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("rtpy-remote: interrupted\n")
        return 130
    finally:
        try:
            session.close()
        except Exception:
            pass

"""The host side of MicroPython's REPL protocol for tools, as the device implements it
(docs.micropython.org, reference/repl: "Raw mode and raw-paste mode"):

  Ctrl-A            -> "raw REPL; CTRL-B to exit\\r\\n>"
  code, Ctrl-D      -> "OK", the output, \\x04, the exception text, \\x04, ">"
  \\x05 A \\x01       -> "R\\x01" + window increment (u16 LE): raw-paste mode; "R\\x00": refused;
                       anything else: a device that does not know it (it sees Ctrl-A: banner)
  Ctrl-D at an empty raw prompt: soft reset. Ctrl-B: back to the friendly REPL.

In raw-paste mode the device grants the window increment once at the start and again with
each \\x01 it sends; we never have more bytes in flight than granted. \\x04 from us ends the
code (the device answers \\x04 once it has compiled it); \\x04 from the device means "stop
sending" (we answer \\x04). Output follows as in plain raw mode, without the "OK".
"""
import time

from .errors import DeviceBusy, DeviceError, DeviceGone, ProtocolError

RAW_BANNER = b"raw REPL; CTRL-B to exit"  # then "\r\n>" ("\n>" on a tty without OPOST)
FRIENDLY_PROMPT = b">>> "


class Device:
    def __init__(self, transport, timeout=5.0, paste_chunk=256, paste_pause=0.01, log=None):
        self.t = transport
        self.timeout = timeout          # for the device's protocol answers (not for user code)
        self.paste_chunk = paste_chunk  # plain raw mode: bytes written between pauses
        self.paste_pause = paste_pause
        self.buf = bytearray()
        self.in_raw = False
        self.raw_paste = None           # None: not asked yet; False: unsupported; True
        self.session = 0                # bumped at every (soft) reset: device globals are gone
        self.log = log

    # ---- reading ---------------------------------------------------------------------------
    def _fill(self, timeout):
        data = self.t.read(timeout)
        if data:
            if self.log:
                self.log("<", data)
            self.buf += data
        return bool(data)

    def read_until(self, marker, timeout, stream=None):
        """Reads up to `marker`, returns what came before it (dropping the marker). With
        `stream`, passes the bytes before the marker to it as they arrive. timeout=None: wait
        as long as it takes. TimeoutError (with what came) when it does not come in time."""
        end = None if timeout is None else time.monotonic() + timeout
        keep = len(marker) - 1
        done = 0  # bytes of buf already streamed
        while True:
            i = self.buf.find(marker, max(0, done - keep))
            if i >= 0:
                before = bytes(self.buf[:i])
                if stream and i > done:
                    stream(before[done:])
                del self.buf[:i + len(marker)]
                return before
            if stream and len(self.buf) - keep > done:
                stream(bytes(self.buf[done:len(self.buf) - keep]))
                done = len(self.buf) - keep
            left = 0.5 if end is None else end - time.monotonic()
            if left <= 0:
                raise TimeoutError(bytes(self.buf[-300:]))
            self._fill(min(left, 0.5))

    def read_exact(self, n, timeout):
        end = time.monotonic() + timeout
        while len(self.buf) < n:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError(bytes(self.buf))
            self._fill(left)
        data = bytes(self.buf[:n])
        del self.buf[:n]
        return data

    def read_banner(self, timeout):
        """The raw REPL banner and the prompt after it."""
        end = time.monotonic() + timeout
        self.read_until(RAW_BANNER, timeout)
        self.read_until(b">", max(0.1, end - time.monotonic()))

    def drain(self, quiet):
        """Reads until the device has been silent for `quiet` seconds; returns it all."""
        while self._fill(quiet):
            pass
        data = bytes(self.buf)
        self.buf.clear()
        return data

    def write(self, data):
        if self.log:
            self.log(">", data)
        self.t.write(data)

    # ---- modes -----------------------------------------------------------------------------
    def wait_boot(self, timeout):
        """A program we started: its friendly prompt, before any input (the host rtpy sets its
        terminal up after starting, flushing what came before)."""
        try:
            return self.read_until(FRIENDLY_PROMPT, timeout)
        except TimeoutError as e:
            raise DeviceBusy("%s: no REPL prompt within %gs after start; it printed: %r"
                             % (self.t.name, timeout, e.args[0][-100:]))

    def enter_raw(self):
        """Interrupts whatever runs (Ctrl-C twice) and enters the raw REPL."""
        if self.in_raw:
            return
        if self.t.eof and self.t.restartable:  # a host rtpy ended (Ctrl-D in the REPL)
            self.restart_program()
        self.write(b"\x03")
        time.sleep(0.05)
        self.write(b"\x03")
        self.drain(0.1)
        self.write(b"\x01")
        try:
            self.read_banner(self.timeout)
        except TimeoutError as e:
            raise DeviceBusy("%s: busy: no raw REPL prompt within %gs (a program running that "
                             "ignores Ctrl-C?)%s" % (self.t.name, self.timeout,
                                                      "; it sent %r" % e.args[0][-60:] if e.args[0] else ""))
        self.in_raw = True

    def leave_raw(self):
        if self.in_raw:
            self.write(b"\x02")
            self.in_raw = False

    def soft_reset(self):
        """Ctrl-D at the empty raw prompt; waits for the raw prompt to come back. A host rtpy
        ends instead: it is started again."""
        self.enter_raw()
        self.write(b"\x04")
        self.in_raw = False
        self.session += 1
        if self.t.restartable and self.t.kind == "host":
            self.restart_program()
            return
        try:
            self.read_banner(max(self.timeout, 10))  # raw mode survives the reset
        except TimeoutError as e:
            raise DeviceBusy("%s: no raw REPL prompt after the soft reset; it sent %r"
                             % (self.t.name, e.args[0][-60:]))
        except DeviceGone:
            if not self.t.restartable:
                raise
            self.restart_program()
            return
        self.in_raw = True

    def hard_reset(self):
        """machine.reset(): the device starts over in the friendly REPL (a host rtpy ends: it
        is started again; a serial device may vanish for a while: it is opened again)."""
        self.enter_raw()
        self.write(b"import machine\nmachine.reset()\n\x04")
        self.in_raw = False
        self.session += 1
        if self.t.restartable:
            if self.t.kind == "host":
                self.t.wait_exit(self.timeout)
                self.restart_program()
                return
            try:
                self.read_until(FRIENDLY_PROMPT, max(self.timeout, 30))
            except DeviceGone:
                self.restart_program()
            except TimeoutError:
                raise DeviceBusy("%s: no REPL prompt after the reset" % self.t.name)
            return
        # a serial device: the prompt after the reset, or the port vanishing (USB)
        try:
            self.read_until(FRIENDLY_PROMPT, max(self.timeout, 10))
        except (DeviceGone, OSError):
            self.reopen_serial()
        except TimeoutError:
            pass  # a board whose banner we missed: enter_raw gets it back

    def restart_program(self):
        self.t.restart()
        self.buf.clear()
        self.in_raw = False
        self.raw_paste = None
        self.wait_boot(max(self.timeout, 30))

    def reopen_serial(self):
        from .transport import SerialTransport
        path, baud = self.t.name, None
        self.t.close()
        end = time.monotonic() + max(self.timeout, 10)
        while True:
            try:
                self.t = SerialTransport(path)
                break
            except Exception:
                if time.monotonic() > end:
                    raise
                time.sleep(0.2)
        self.buf.clear()
        self.in_raw = False
        self.raw_paste = None

    # ---- running code ----------------------------------------------------------------------
    def _send_plain(self, code):
        """Plain raw mode: the device has no flow control, so we send in small pieces with
        pauses (its receive buffer is small) and then Ctrl-D; it answers "OK"."""
        for i in range(0, len(code), self.paste_chunk):
            if i:
                time.sleep(self.paste_pause)
            self.write(code[i:i + self.paste_chunk])
        self.write(b"\x04")
        try:
            ok = self.read_exact(2, self.timeout)
        except TimeoutError as e:
            raise DeviceBusy("%s: the device did not acknowledge the code (sent %r)"
                             % (self.t.name, e.args[0]))
        if ok != b"OK":
            raise ProtocolError("%s: expected OK after the code, got %r" % (self.t.name, ok + self.drain(0.1)))

    def _try_raw_paste(self):
        """Asks for raw-paste mode; returns the window increment, or None (plain raw mode,
        still at the raw prompt with an empty buffer)."""
        self.write(b"\x05A\x01")
        try:
            r = self.read_exact(2, self.timeout)
        except TimeoutError as e:
            raise DeviceBusy("%s: no answer to the raw-paste request (got %r)" % (self.t.name, e.args[0]))
        if r == b"R\x01":
            try:
                inc = self.read_exact(2, self.timeout)
            except TimeoutError:
                raise ProtocolError("%s: raw-paste: no window size" % self.t.name)
            return int.from_bytes(inc, "little")
        if r == b"R\x00":
            return None
        # A device that does not know raw-paste saw "\x05A" as code and Ctrl-A as "enter the
        # raw REPL again": it printed the banner, its buffer is empty.
        self.buf[:0] = r
        try:
            self.read_banner(self.timeout)
        except TimeoutError as e:
            raise ProtocolError("%s: unexpected answer to the raw-paste request: %r" % (self.t.name, e.args[0]))
        return None

    def _send_raw_paste(self, code, inc):
        """Writes the code within the granted window; returns once the device acknowledged
        the end (it has compiled the code, or stopped reception early)."""
        if inc == 0:
            raise ProtocolError("%s: raw-paste: window increment 0" % self.t.name)
        window = inc  # bytes we may still send
        i = 0
        while i < len(code):
            # take every flow-control byte waiting; when the window is shut, wait for one
            while window == 0 or self.buf or self.t.readable():
                try:
                    b = self.read_exact(1, self.timeout)
                except TimeoutError:
                    raise DeviceBusy("%s: raw-paste: the device stopped granting window" % self.t.name)
                if b == b"\x01":
                    window += inc
                elif b == b"\x04":  # the device stops the reception (a compile error)
                    self.write(b"\x04")
                    return
                else:
                    raise ProtocolError("%s: raw-paste: unexpected byte %r during transfer" % (self.t.name, b))
            n = min(window, len(code) - i)
            self.write(code[i:i + n])
            window -= n
            i += n
        self.write(b"\x04")
        try:
            self.read_until(b"\x04", max(self.timeout, 30))  # \x01 grants may come before it
        except TimeoutError:
            raise DeviceBusy("%s: raw-paste: the device did not acknowledge the end of the code"
                             % self.t.name)

    def send_code(self, code):
        """Puts the code on the device and starts it (raw-paste if the device has it)."""
        self.enter_raw()
        if isinstance(code, str):
            code = code.encode()
        if self.raw_paste is not False:
            inc = self._try_raw_paste()
            if inc is None:
                self.raw_paste = False
            else:
                self.raw_paste = True
                self._send_raw_paste(code, inc)
                return
        self._send_plain(code)

    def follow(self, stream=None, interruptible=False):
        """After send_code: the output (to `stream`, as it arrives) up to \\x04, then the
        exception text up to \\x04, then the raw prompt. Returns (output, error text).
        With `interruptible`, Ctrl-C here sends Ctrl-C to the device and goes on reading."""
        out = bytearray()

        def take(data):
            out.extend(data)
            if stream:
                stream(data)
        while True:
            try:
                self.read_until(b"\x04", None, take)
                err = self.read_until(b"\x04", max(self.timeout, 10))
                break
            except KeyboardInterrupt:
                if not interruptible:
                    raise
                self.write(b"\x03")
                interruptible = False  # a second Ctrl-C leaves at once
            except TimeoutError:
                raise DeviceBusy("%s: the end of the exception text did not come" % self.t.name)
        # then ">" (after a SystemExit: the device's reset output first, then the prompt)
        try:
            if self.read_until(b">", max(self.timeout, 10)).strip():
                self.session += 1  # SystemExit: the device soft-reset before the prompt
        except TimeoutError:
            raise DeviceBusy("%s: no raw prompt after the code ended" % self.t.name)
        except DeviceGone:  # a host rtpy ends on SystemExit
            self.in_raw = False
            self.session += 1
            if not self.t.restartable:
                raise
            self.restart_program()
        return bytes(out), err

    def exec_(self, code, stream=None, interruptible=False):
        """Runs code; returns its output; DeviceError with the traceback if it raised."""
        self.send_code(code)
        out, err = self.follow(stream, interruptible)
        if err:
            raise DeviceError(err.decode("utf-8", "replace").replace("\r\n", "\n"))
        return out

    def eval_(self, expr):
        out = self.exec_("print(repr(%s\n))" % expr)
        return out.decode("utf-8", "replace").replace("\r\n", "\n").rstrip("\n")

    def close(self):
        try:
            if self.in_raw and not self.t.eof:
                self.write(b"\x02")  # leave the device in the friendly REPL
        except Exception:
            pass
        self.t.close()

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
    def __init__(self, transport, timeout=5.0, rx_buffer=256, log=None):
        self.t = transport
        self.timeout = timeout          # for the device's protocol answers (not for user code)
        self.rx_buffer = rx_buffer      # plain raw mode: the most we send the device unasked
        self.staged = False             # the code running was staged (see _send_staged)
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

    def drain(self, quiet, limit=2.0):
        """Reads until the device has been silent for `quiet` seconds (but no longer than
        `limit`: a device may never stop talking); returns it all."""
        end = time.monotonic() + limit
        while self._fill(quiet) and time.monotonic() < end:
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
        except DeviceGone as e:
            said = bytes(self.buf).decode("utf-8", "replace").strip().splitlines()
            raise DeviceGone(e.message + (": " + said[0][:200] if said else ""))
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
        """Ctrl-D at the empty raw prompt; waits for the raw prompt to come back. A program
        we started that ends instead (an older host rtpy) is started again."""
        self.enter_raw()
        self.write(b"\x04")
        self.in_raw = False
        self.session += 1
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
        path, baud = self.t.name, self.t.baud
        self.t.close()
        end = time.monotonic() + max(self.timeout, 10)
        while True:
            try:
                self.t = SerialTransport(path, baud)
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
        """Plain raw mode: code and Ctrl-D; the device answers "OK". It has no flow control:
        a device that drops what does not fit its receive buffer (the host rtpy, a UART ring)
        loses bytes when it falls behind. So this is only for code that fits the buffer."""
        self.write(code + b"\x04")
        try:
            ok = self.read_exact(2, self.timeout)
        except TimeoutError as e:
            self.write(b"\x01")  # Ctrl-A: the device drops what it collected and starts over
            self.in_raw = False
            raise DeviceBusy("%s: the device did not acknowledge the code (it said %r)"
                             % (self.t.name, e.args[0]))
        if ok != b"OK":
            raise ProtocolError("%s: expected OK after the code, got %r" % (self.t.name, ok + self.drain(0.1)))

    def _run_plain(self, code):
        """A short piece of our own code in plain raw mode, to its end."""
        self._send_plain(code)
        out, err = self.follow()
        if err:
            raise ProtocolError("%s: staging code failed on the device: %s"
                                % (self.t.name, err.decode("utf-8", "replace").strip().splitlines()[-1]))
        return out

    def _send_staged(self, code):
        """Code larger than the receive buffer, without raw-paste: sent in pieces that fit,
        each one a program of its own that appends its piece to a list (each waits for the
        device's answer: that is our flow control), then compiled as <stdin> and run."""
        self._run_plain(b"_rr_s = []")
        room = self.rx_buffer - 1 - len(b"_rr_s.append()")
        i = 0
        while i < len(code):
            n = min(room, len(code) - i)
            while True:
                lit = repr(code[i:i + n]).encode()
                if len(lit) <= room:
                    break
                n = max(1, n - (len(lit) - room + 3) // 4 - 1)
            self._run_plain(b"_rr_s.append(" + lit + b")")
            i += n
        self._send_plain(b"_rr_s = compile(b''.join(_rr_s).decode(), '<stdin>', 'exec')\nexec(_rr_s)")
        self.staged = True

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
        """Puts the code on the device and starts it: in raw-paste mode if the device has it,
        else in plain raw mode (staged when it is larger than the receive buffer)."""
        self.enter_raw()
        if isinstance(code, str):
            code = code.encode()
        self.staged = False
        if self.raw_paste is not False:
            inc = self._try_raw_paste()
            if inc is None:
                self.raw_paste = False
            else:
                self.raw_paste = True
                self._send_raw_paste(code, inc)
                return
        if len(code) < self.rx_buffer:
            self._send_plain(code)
        else:
            self._send_staged(code)

    def code_budget(self):
        """How much code one program may be without being staged: None if no limit."""
        if self.raw_paste is None:
            self.exec_("pass")
        return None if self.raw_paste else self.rx_buffer - 1

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
            raise DeviceError(self.error_text(err))
        return out

    def error_text(self, err):
        """The exception text as the user's code would have given it: without the frame of
        the line that ran staged code."""
        text = err.decode("utf-8", "replace").replace("\r\n", "\n")
        if self.staged:
            lines = text.split("\n")
            if len(lines) > 2 and lines[1] in ('  File "<stdin>", line 1, in <module>',
                                               '  File "<stdin>", line 2, in <module>'):
                del lines[1]
                if ", in " not in lines[1]:  # a SyntaxError: the device prints no header
                    del lines[0]
            text = "\n".join(lines)
        return text

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

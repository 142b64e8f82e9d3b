#!/usr/bin/python3
"""Sends a signed image to a device running examples/ota_uart/app/main.py, over its UART 1.

  send.py PORT IMAGE [--permanent] [--baud 115200] [--window 4]   install IMAGE
  send.py PORT --info                                what the device runs and has pending

PORT is a serial device or pty (/dev/ttyUSB0, /dev/pts/3), or unix:PATH for a Unix socket
(QEMU's `-serial unix:PATH,server=on,wait=off`). The protocol is in app/otaproto.py: up to
--window data frames in flight; a lost or damaged one is sent again. Python 3 stdlib only.
"""
import argparse
import os
import select
import socket
import struct
import sys
import termios
import time
import tty

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "app"))
import otaproto  # noqa: E402  (the protocol, shared with the device)

MAX_DATA = otaproto.MAX_DATA
OK, RESEND, REFUSED = otaproto.OK, otaproto.RESEND, otaproto.REFUSED
Refused = otaproto.Refused
frame = otaproto.frame
RETRIES = otaproto.RETRIES
WINDOW = 4  # data frames in flight: the line is the bound at 115200 baud, not the turnaround
BAUDS = {9600: termios.B9600, 19200: termios.B19200, 38400: termios.B38400,
         57600: termios.B57600, 115200: termios.B115200, 230400: termios.B230400,
         460800: termios.B460800, 921600: termios.B921600}


def open_port(port, baud=115200):
    """A file descriptor for PORT (see the module's text), set raw at `baud` if a tty."""
    if port.startswith("unix:"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(port[5:])
        return s.detach()
    fd = os.open(port, os.O_RDWR | os.O_NOCTTY)
    if os.isatty(fd):
        tty.setraw(fd)
        attrs = termios.tcgetattr(fd)
        attrs[4] = attrs[5] = BAUDS[baud]
        termios.tcsetattr(fd, termios.TCSANOW, attrs)
    return fd


class Link:
    """Frames over a file descriptor."""

    def __init__(self, fd):
        self.fd = fd
        self.buf = bytearray()

    def send(self, kind, payload=b""):
        data = frame(ord(kind), payload)
        while data:
            data = data[os.write(self.fd, data):]

    def recv(self, timeout):
        """The next good frame as (kind, payload), or None after `timeout` seconds."""
        end = time.monotonic() + timeout
        while True:
            kind, payload, used = otaproto.take(self.buf)
            del self.buf[:used]
            if kind is not None and kind >= 0:
                return chr(kind), payload
            left = end - time.monotonic()
            if not select.select([self.fd], [], [], max(0.0, left))[0]:
                return None
            chunk = os.read(self.fd, 4096)
            if not chunk:
                raise EOFError("the device closed the link")
            self.buf += chunk

    def flush(self):
        pass  # send wrote it all

    def forget(self):
        """Drops what has arrived: late answers to frames sent before."""
        while select.select([self.fd], [], [], 0)[0] and os.read(self.fd, 4096):
            pass
        self.buf = bytearray()

    def answer(self, ms):
        """The next acknowledgement (otaproto.ack_fields), or None after `ms`."""
        end = time.monotonic() + ms / 1000
        while True:
            got = self.recv(max(0.0, end - time.monotonic()))
            if got is None:
                return None
            if got[0] == "A" and otaproto.ack_fields(got[1]):
                return otaproto.ack_fields(got[1])

    def request(self, kind, payload=b"", timeout=2.0, done=None):
        """Sends a frame until it is acknowledged: (status, next offset, message)."""
        return otaproto.request(self, kind, payload, int(timeout * 1000), done)

    def info(self, timeout=5.0):
        for _ in range(RETRIES):
            self.send("I")
            got = self.recv(timeout)
            while got and got[0] != "i":
                got = self.recv(timeout)
            if got:
                return got[1].decode(errors="replace")
        raise TimeoutError("no answer from the device")


def update(link, image, permanent=False, progress=None, window=WINDOW, stats=None):
    """Sends the image, `window` data frames in flight; returns the device's last message.
    Raises Refused with the device's reason if it refuses the image (it then keeps running
    what it runs)."""
    return otaproto.send_image(link, image, permanent, window, progress, stats)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("port")
    ap.add_argument("image", nargs="?")
    ap.add_argument("--permanent", action="store_true", help="no test: no revert")
    ap.add_argument("--baud", type=int, default=115200, choices=sorted(BAUDS))
    ap.add_argument("--info", action="store_true", help="print what the device runs")
    ap.add_argument("--window", type=int, default=WINDOW, help="data frames in flight")
    a = ap.parse_args()
    if not a.info and not a.image:
        ap.error("IMAGE is needed (or --info)")
    link = Link(open_port(a.port, a.baud))
    try:
        if a.info:
            print(link.info())
            return 0
        with open(a.image, "rb") as f:
            image = f.read()

        def bar(done, total):
            n = done * 40 // total
            sys.stderr.write("\r[%s%s] %d/%d" % ("#" * n, "." * (40 - n), done, total))

        msg = update(link, image, a.permanent, bar if sys.stderr.isatty() else None, a.window)
        sys.stderr.write("\n" if sys.stderr.isatty() else "")
        print("send.py: %s (the device resets into it)" % msg)
        return 0
    except (Refused, TimeoutError, EOFError, OSError) as e:
        sys.stderr.write("\n" if sys.stderr.isatty() else "")
        print("send.py: %s" % (("refused: %s" % e) if isinstance(e, Refused) else e),
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Sends a signed image to a device running examples/ota_uart/app/main.py, over its UART 1.

  send.py PORT IMAGE [--permanent] [--baud 115200]   install IMAGE (test or permanent)
  send.py PORT --info                                what the device runs and has pending

PORT is a serial device or pty (/dev/ttyUSB0, /dev/pts/3), or unix:PATH for a Unix socket
(QEMU's `-serial unix:PATH,server=on,wait=off`). The protocol is in app/otaproto.py. Each frame
waits for its acknowledgement; a lost or damaged one is sent again. Python 3 stdlib only.
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
import zlib

SYNC = 0xA5
MAX_DATA = 256
OK, RESEND, REFUSED = 0, 1, 2
RETRIES = 5
BAUDS = {9600: termios.B9600, 19200: termios.B19200, 38400: termios.B38400,
         57600: termios.B57600, 115200: termios.B115200, 230400: termios.B230400,
         460800: termios.B460800, 921600: termios.B921600}


class Refused(Exception):
    pass


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


def frame(kind, payload=b""):
    head = struct.pack("<BH", kind, len(payload))
    return bytes([SYNC]) + head + payload + struct.pack("<I", zlib.crc32(head + payload))


class Link:
    """Frames over a file descriptor."""

    def __init__(self, fd):
        self.fd = fd
        self.buf = b""

    def send(self, kind, payload=b""):
        data = frame(ord(kind), payload)
        while data:
            data = data[os.write(self.fd, data):]

    def recv(self, timeout):
        """The next good frame as (kind, payload), or None after `timeout` seconds."""
        end = time.monotonic() + timeout
        while True:
            i = self.buf.find(bytes([SYNC]))
            self.buf = self.buf[i:] if i >= 0 else b""
            if len(self.buf) >= 4:
                kind, n = struct.unpack_from("<BH", self.buf, 1)
                if len(self.buf) >= 8 + n:
                    body, crc = self.buf[1:4 + n], struct.unpack_from("<I", self.buf, 4 + n)[0]
                    if zlib.crc32(body) == crc:
                        self.buf = self.buf[8 + n:]
                        return chr(kind), body[3:]
                    self.buf = self.buf[1:]
                    continue
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            chunk = os.read(self.fd, 4096)
            if not chunk:
                raise EOFError("the device closed the link")
            self.buf += chunk

    def drain(self):
        """Forgets what has arrived: late answers to frames sent before."""
        while select.select([self.fd], [], [], 0)[0] and os.read(self.fd, 4096):
            pass
        self.buf = b""

    def request(self, kind, payload=b"", timeout=2.0, done=None):
        """Sends a frame until it is acknowledged: (status, next offset, message). An OK ack
        counts only if done(next) (a data frame's: that it reaches past the frame); a damaged
        frame's RESEND (kind 0) always does."""
        for _ in range(RETRIES):
            self.drain()
            self.send(kind, payload)
            while True:
                got = self.recv(timeout)
                if got is None:
                    break  # no answer: send it again
                k, body = got
                if k != "A" or len(body) < 6:
                    continue
                status, answered, nxt = struct.unpack_from("<BBI", body)
                msg = body[6:].decode(errors="replace")
                if answered not in (0, ord(kind)):
                    continue  # a late answer to another frame
                if status == REFUSED:
                    raise Refused(msg)
                if status == OK and done and not done(nxt):
                    continue
                return status, nxt, msg
        raise TimeoutError("no answer from the device to %r after %d tries" % (kind, RETRIES))

    def info(self, timeout=5.0):
        for _ in range(RETRIES):
            self.send("I")
            got = self.recv(timeout)
            while got and got[0] != "i":
                got = self.recv(timeout)
            if got:
                return got[1].decode(errors="replace")
        raise TimeoutError("no answer from the device")


def update(link, image, permanent=False, progress=None):
    """Sends the image; returns the device's last message. Raises Refused with the device's
    reason if it refuses the image (it then keeps running what it runs)."""
    link.request("B", struct.pack("<IB", len(image), 1 if permanent else 0), timeout=10.0)
    off = 0
    while off < len(image):
        end = min(off + MAX_DATA, len(image))
        _, off, _ = link.request("D", struct.pack("<I", off) + image[off:end],
                                 done=lambda nxt: nxt >= end)
        if progress:
            progress(off, len(image))
    while True:  # the device checks the image (hash, signature) before it answers
        status, nxt, msg = link.request("E", timeout=30.0)
        if status == OK:
            return msg
        off = nxt  # it still misses data
        link.request("D", struct.pack("<I", off) + image[off:off + MAX_DATA])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("port")
    ap.add_argument("image", nargs="?")
    ap.add_argument("--permanent", action="store_true", help="no test: no revert")
    ap.add_argument("--baud", type=int, default=115200, choices=sorted(BAUDS))
    ap.add_argument("--info", action="store_true", help="print what the device runs")
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

        msg = update(link, image, a.permanent, bar if sys.stderr.isatty() else None)
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

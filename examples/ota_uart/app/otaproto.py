# examples/ota_uart/app/otaproto.py: the device's side of a small update protocol that carries a
# signed image over any byte stream: UART 1 in main.py, a BLE characteristic just as well.
# The host's side is ../send.py. The protocol, both directions in frames:
#
#   0xA5 | kind (1 byte) | length (u16 LE) | payload | CRC-32 (u32 LE) of kind, length, payload
#
# host -> device   b'I' info      ()                 answered by b'i' (text, see info_text)
#                  b'B' begin     u32 size, u8 flags (bit 0: permanent)
#                  b'D' data      u32 offset, up to MAX_DATA bytes
#                  b'E' end       ()                 the image is checked; then the device resets
# device -> host   b'A' ack       u8 status, u8 kind answered, u32 next offset, message (UTF-8)
#                  status OK, RESEND (a frame was damaged or lost: send again from the offset)
#                  or REFUSED (the message says why; the update is over)
#
# The host sends a frame and waits for its ack (stop and wait), so a frame always fits in the
# UART's receive buffer. Data frames carry their offset: a frame sent twice (its ack was lost)
# is acknowledged again and written once; the host tells a late ack from the one it waits for
# by the kind and the offset.
import binascii
import struct

import ota

SYNC = 0xA5
MAX_DATA = 256
OK, RESEND, REFUSED = 0, 1, 2


def frame(kind, payload=b""):
    head = struct.pack("<BH", kind, len(payload))
    crc = binascii.crc32(payload, binascii.crc32(head))
    return bytes([SYNC]) + head + payload + struct.pack("<I", crc)


def take(buf):
    """The first frame in buf (a bytearray): (kind, payload, used) for a good one, used being
    the bytes up to its end; (None, None, used) when it is not all there yet, used being the
    junk before it; (-1, None, len(buf)) for a damaged one. Both sides read frames with it."""
    i = 0
    while True:
        i = buf.find(bytes([SYNC]), i)
        if i < 0:
            return None, None, len(buf)
        if len(buf) - i < 4:
            return None, None, i
        kind, n = struct.unpack_from("<BH", buf, i + 1)
        if n > MAX_DATA + 4:  # not a frame: a false sync byte
            i += 1
            continue
        if len(buf) - i < 8 + n:
            return None, None, i
        if binascii.crc32(buf[i + 1:i + 4 + n]) != struct.unpack_from("<I", buf, i + 4 + n)[0]:
            return -1, None, len(buf)
        return kind, bytes(buf[i + 4:i + 4 + n]), i + 8 + n


def info_text():
    run, pend = ota.running(), ota.pending()
    text = "running %s %s" % (run[0], "confirmed" if run[2] else "test") if run else "running -"
    if pend:
        text += "; pending %s %s" % (pend[0], "permanent" if pend[2] else "test")
    return text


class Receiver:
    """Feeds on the link's bytes (feed) and answers through send(bytes)."""

    def __init__(self, send):
        self.send = send
        self.kind = 0  # of the frame being answered
        self.buf = bytearray()
        self.size = None  # the size of the update in progress (None: none)
        self.next = 0  # the offset the next data frame must have
        self.permanent = False

    def ack(self, status, msg=""):
        if status == REFUSED:
            print("otaproto: refused:", msg)
        self.send(frame(ord("A"), struct.pack("<BBI", status, self.kind, self.next) + msg.encode()))

    def wanted(self):
        """How many bytes would complete the frame in progress (read that many: a read that
        asks for more waits for the line to go quiet first)."""
        if len(self.buf) < 4:
            return 4 - len(self.buf)
        n = struct.unpack_from("<H", self.buf, 2)[0]
        return max(1, 8 + n - len(self.buf)) if n <= MAX_DATA + 4 else 1

    def idle(self):
        """The link has been quiet: a partial frame will not be completed."""
        self.buf = bytearray()

    def feed(self, data):
        """Returns True once an image is installed: the caller then resets the device."""
        self.buf += data
        while True:
            kind, payload, used = take(self.buf)
            self.buf = self.buf[used:]
            if kind is None:
                return False
            if kind < 0:  # the rest is the damaged frame's: the host resends
                self.kind = 0
                self.ack(RESEND, "bad frame")
                return False
            if self.handle(kind, payload):
                return True

    def handle(self, kind, payload):
        self.kind = kind
        if kind == ord("I"):
            self.send(frame(ord("i"), info_text().encode()))
        elif kind == ord("B"):
            if len(payload) != 5:
                return self.ack(REFUSED, "bad begin frame")
            size, flags = struct.unpack("<IB", payload)
            self.size, self.next, self.permanent = None, 0, bool(flags & 1)
            try:
                ota.begin(size)
            except (ValueError, OSError) as e:
                return self.ack(REFUSED, str(e))
            self.size = size
            self.ack(OK)
        elif kind == ord("D"):
            if self.size is None or len(payload) < 4:
                return self.ack(REFUSED, "no update in progress")
            offset = struct.unpack_from("<I", payload)[0]
            if offset > self.next:  # a frame went missing
                return self.ack(RESEND)
            data = payload[4 + self.next - offset:]  # a resent frame is written once
            if self.next + len(data) > self.size:
                self.size = None
                return self.ack(REFUSED, "more data than the update's size")
            try:
                ota.write(data)
            except (ValueError, OSError) as e:
                self.size = None
                return self.ack(REFUSED, str(e))
            self.next += len(data)
            self.ack(OK)
        elif kind == ord("E"):
            if self.size is None:
                return self.ack(REFUSED, "no update in progress")
            if self.next != self.size:
                return self.ack(RESEND)
            self.size = None
            try:
                ota.finish(permanent=self.permanent)
            except (ValueError, OSError) as e:
                return self.ack(REFUSED, str(e))
            self.ack(OK, "installed")
            return True
        else:
            self.ack(REFUSED, "unknown frame %r" % chr(kind))
        return False

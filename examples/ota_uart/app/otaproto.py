# examples/ota_uart/app/otaproto.py: a small update protocol that carries a signed image over
# any byte stream: UART 1 in main.py, a BLE characteristic just as well. Both sides are here:
# Receiver (the device's) and send_image (the sender's: ../send.py on a host's CPython,
# ../send_ble.py on an rtpy central). The protocol, both directions in frames:
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
# Data frames go in a window (go-back-N): the sender keeps up to `window` of them
# unacknowledged. The device writes in order only; the next offset of an ack is cumulative
# (everything before it is written), and one ack may answer several data frames that arrived
# together. A frame past a gap (one lost or damaged) gets one RESEND naming the offset wanted;
# the frames behind it in the window are dropped unanswered until that offset comes, so the
# sender goes back once per gap. A frame sent twice is acknowledged again and written once. A
# sender that hears nothing for a while goes back to the oldest unacknowledged frame. Begin,
# end and info wait for their answer (stop and wait), told from late acks by kind.
import binascii
import struct

try:
    import ota
except ImportError:  # the sender's side, on a host's CPython: frames and send_image only
    ota = None  # type: ignore[assignment]

TYPE_CHECKING = False
if TYPE_CHECKING:  # for mypy only (docs/stubs.md); the quoted annotations are not evaluated
    from typing import Any, Callable, Protocol

    class Link(Protocol):  # what the sender's side drives (below, "the sender's side")
        def send(self, kind: str, payload: bytes) -> None: ...
        def flush(self) -> None: ...
        def answer(self, ms: int) -> tuple[int, int, int, str] | None: ...
        def forget(self) -> None: ...

SYNC = 0xA5
MAX_DATA = 256
OK, RESEND, REFUSED = 0, 1, 2
RETRIES = 5  # sends of a frame (or goes back to one) with no answer before giving up


class Refused(Exception):
    """The device refused the update: its reason."""


def frame(kind: int, payload: bytes = b"") -> bytes:
    head = struct.pack("<BH", kind, len(payload))
    crc = binascii.crc32(payload, binascii.crc32(head))
    return bytes([SYNC]) + head + payload + struct.pack("<I", crc)


def take(buf: bytearray) -> "tuple[int | None, Any, int]":
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


def ack_fields(body: bytes) -> tuple[int, int, int, str] | None:
    """An ack's payload as (status, kind answered, next offset, message), or None."""
    if len(body) < 6:
        return None
    status, answered, nxt = struct.unpack_from("<BBI", body)
    return status, answered, nxt, bytes(body[6:]).decode()


def info_text() -> str:
    run, pend = ota.running(), ota.pending()
    text = "running %s %s" % (run[0], "confirmed" if run[2] else "test") if run else "running -"
    if pend:
        text += "; pending %s %s" % (pend[0], "permanent" if pend[2] else "test")
    return text


class Receiver:
    """Feeds on the link's bytes (feed) and answers through send(bytes)."""

    def __init__(self, send: "Callable[[bytes], object]") -> None:
        self.send = send
        self.kind = 0  # of the frame being answered
        self.buf = bytearray()
        self.size: int | None = None  # the size of the update in progress (None: none)
        self.next = 0  # the offset the next data frame must have
        self.asked: int | None = None  # the offset a RESEND asked for, until it comes
        self.owed = False  # data frames written and not acknowledged yet
        self.permanent = False

    def ack(self, status: int, msg: str = "") -> None:
        if status == OK and self.kind == ord("D"):
            self.owed = True  # one ack for the data frames of this feed (cumulative)
            return
        self.owed = False  # this ack's offset covers them too
        if status == REFUSED:
            print("otaproto: refused:", msg)
        self.send(frame(ord("A"), struct.pack("<BBI", status, self.kind, self.next) + msg.encode()))

    def resend(self, kind: int) -> None:
        """Asks for the data from self.next again, once per gap."""
        if self.asked != self.next:
            self.asked, self.kind = self.next, kind
            self.ack(RESEND, "bad frame" if kind == 0 else "")

    def wanted(self) -> int:
        """How many bytes would complete the frame in progress (read that many: a read that
        asks for more waits for the line to go quiet first)."""
        if len(self.buf) < 4:
            return 4 - len(self.buf)
        n: int = struct.unpack_from("<H", self.buf, 2)[0]
        return max(1, 8 + n - len(self.buf)) if n <= MAX_DATA + 4 else 1

    def idle(self) -> None:
        """The link has been quiet: a partial frame will not be completed."""
        self.buf = bytearray()

    def feed(self, data: bytes) -> bool:
        """Returns True once an image is installed: the caller then resets the device."""
        self.buf += data
        try:
            while True:
                kind, payload, used = take(self.buf)
                self.buf = self.buf[used:]
                if kind is None:
                    return False
                if kind < 0:  # the rest is the damaged frame's: the host resends
                    self.resend(0)
                    return False
                if self.handle(kind, payload):
                    return True
        finally:
            if self.owed:
                self.kind = ord("D")
                self.owed = False
                self.send(frame(ord("A"), struct.pack("<BBI", OK, self.kind, self.next)))

    def handle(self, kind: int, payload: bytes) -> bool | None:
        if kind != ord("D") and self.owed:  # the data's ack goes first
            self.kind = ord("D")
            self.owed = False
            self.send(frame(ord("A"), struct.pack("<BBI", OK, self.kind, self.next)))
        self.kind = kind
        if kind == ord("I"):
            self.send(frame(ord("i"), info_text().encode()))
        elif kind == ord("B"):
            if len(payload) != 5:
                self.ack(REFUSED, "bad begin frame")
                return None
            size, flags = struct.unpack("<IB", payload)
            self.size, self.next, self.asked, self.permanent = None, 0, None, bool(flags & 1)
            try:
                ota.begin(size)
            except (ValueError, OSError) as e:
                self.ack(REFUSED, str(e))
                return None
            self.size = size
            self.ack(OK)
        elif kind == ord("D"):
            if self.size is None or len(payload) < 4:
                self.ack(REFUSED, "no update in progress")
                return None
            offset = struct.unpack_from("<I", payload)[0]
            if offset > self.next:  # a frame went missing
                self.resend(kind)
                return None
            data = payload[4 + self.next - offset:]  # a resent frame is written once
            if self.next + len(data) > self.size:
                self.size = None
                self.ack(REFUSED, "more data than the update's size")
                return None
            try:
                ota.write(data)
            except (ValueError, OSError) as e:
                self.size = None
                self.ack(REFUSED, str(e))
                return None
            self.next += len(data)
            self.ack(OK)
        elif kind == ord("E"):
            if self.size is None:
                self.ack(REFUSED, "no update in progress")
                return None
            if self.next != self.size:
                self.ack(RESEND)
                return None
            self.size = None
            try:
                ota.finish(permanent=self.permanent)
            except (ValueError, OSError) as e:
                self.ack(REFUSED, str(e))
                return None
            self.ack(OK, "installed")
            return True
        else:
            self.ack(REFUSED, "unknown frame %r" % chr(kind))
        return False


# ---- the sender's side --------------------------------------------------------------------
# A link has four methods: send(kind, payload) queues a frame (kind a one-letter str);
# flush() puts what is queued on the line (it may block while the line is full);
# answer(ms) -> the next ack as ack_fields gives it, or None if none came within ms
# (0: only what has arrived); forget() drops what has arrived (late answers).


def request(link: "Link", kind: str, payload: bytes = b"", ms: int = 2000,
            done: "Callable[[int], bool] | None" = None) -> tuple[int, int, str]:
    """Sends a frame until it is acknowledged: (status, next offset, message). An OK ack counts
    only if done(next) (a data frame's: that it reaches past the frame); a damaged frame's
    RESEND (kind 0) always does. Raises Refused, or OSError after RETRIES sends."""
    for _ in range(RETRIES):
        link.forget()
        link.send(kind, payload)
        link.flush()
        while True:
            got = link.answer(ms)
            if got is None:
                break  # no answer: send it again
            status, answered, nxt, msg = got
            if answered not in (0, ord(kind)):
                continue  # a late answer to another frame
            if status == REFUSED:
                raise Refused(msg)
            if status == OK and done and not done(nxt):
                continue
            if status == RESEND and kind == "B":
                break  # it was damaged: again
            return status, nxt, msg
    raise OSError("no answer from the device to %r after %d tries" % (kind, RETRIES))


class Stats:
    """What send_data saw: frames sent (resends included), ack waits, goes back, and the most
    frames in flight (sent, not yet acknowledged) when it waited."""

    def __init__(self) -> None:
        self.frames = self.waits = self.backs = self.most = 0


def send_data(link: "Link", image: bytes, start: int = 0, window: int = 8, ms: int = 2000,
              progress: "Callable[[int, int], object] | None" = None,
              stats: "Stats | None" = None) -> "Stats":
    """Sends image[start:] in data frames, up to `window` unacknowledged, until the device
    acknowledges it all (go-back-N: a RESEND or `ms` of silence sends again from the offset
    the device wants). progress(done, total) at each ack that moves on."""
    stats = stats or Stats()
    size, base, nxt, silent = len(image), start, start, 0
    while base < size:
        while nxt < size and nxt - base < window * MAX_DATA:
            end = min(nxt + MAX_DATA, size)
            link.send("D", struct.pack("<I", nxt) + image[nxt:end])
            stats.frames += 1
            nxt = end
        stats.most = max(stats.most, (nxt - base + MAX_DATA - 1) // MAX_DATA)
        stats.waits += 1
        link.flush()
        got = link.answer(ms)
        if got is None:  # the acks stopped: from the oldest unacknowledged frame again
            silent += 1
            if silent >= RETRIES:
                raise OSError("no answer from the device at offset %d" % base)
            nxt = base
            stats.backs += 1
            continue
        silent = 0
        while got:
            status, answered, off, msg = got
            if answered in (0, ord("D")):
                if status == REFUSED:
                    raise Refused(msg)
                if base < off <= size:  # (past nxt: acks slower than `ms`, not lost)
                    base, nxt = off, max(nxt, off)
                    if progress:
                        progress(base, size)
                if status == RESEND and base == off < nxt:
                    nxt = off  # go back to the gap (the device asks once per gap)
                    stats.backs += 1
            got = link.answer(0)
    return stats


def send_image(link: "Link", image: bytes, permanent: bool = False, window: int = 8,
               progress: "Callable[[int, int], object] | None" = None, stats: "Stats | None" = None) -> str:
    """Sends the image; returns the device's last message. Raises Refused with the device's
    reason if it refuses the image (it then keeps running what it runs)."""
    request(link, "B", struct.pack("<IB", len(image), 1 if permanent else 0), ms=10000)
    stats = send_data(link, image, 0, window, progress=progress, stats=stats)
    while True:  # the device checks the image (hash, signature) before it answers
        status, nxt, msg = request(link, "E", ms=30000)
        if status == OK:
            return msg
        send_data(link, image, nxt, window, stats=stats)  # it still misses data

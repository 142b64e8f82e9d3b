# examples/ota_uart/send_ble.py IMAGE [NAME [WINDOW]]: an rtpy board as a BLE central (a phone
# or a gateway would do the same) that pushes a signed image to examples/ota_uart/app over its
# update service: finds NAME (default rtpy-ota), connects, raises the ATT MTU, turns the
# acknowledgements on, and streams otaproto's frames in MTU-sized writes without response,
# WINDOW data frames (default 8) in flight. Run it on the simulated radio (README.md).
import struct
import sys
import time

import bluetooth

sys.path.append(__file__.rsplit("/", 1)[0] + "/app")
import otaproto  # noqa: E402  (the protocol's frames, shared with the device)

TYPE_CHECKING = False
if TYPE_CHECKING:  # for mypy only (docs/stubs.md): rtpy has no typing module and skips annotations
    from typing import Any, Callable

SERVICE = bluetooth.UUID("5C7A0001-0F4E-4B1C-9A57-2B1E0D5A7C31")
DATA = bluetooth.UUID("5C7A0002-0F4E-4B1C-9A57-2B1E0D5A7C31")
ACK = bluetooth.UUID("5C7A0003-0F4E-4B1C-9A57-2B1E0D5A7C31")

with open(sys.argv[1], "rb") as f:
    image = f.read()
name = (sys.argv[2] if len(sys.argv) > 2 else "rtpy-ota").encode()
WINDOW = int(sys.argv[3]) if len(sys.argv) > 3 else 8  # data frames in flight
ble = bluetooth.BLE()
s: dict[str, Any] = {"addr": None, "conn": None, "mtu": 23, "data": None, "ack": None, "steps": 0}
acks = bytearray()


def irq(event: int, data: tuple[Any, ...]) -> None:
    if event == 5:  # _IRQ_SCAN_RESULT
        adv = bytes(data[4])
        if not s["addr"] and b"\x09" + name in adv:
            s["addr"] = (data[0], bytes(data[1]))
            ble.gap_scan(None)
    elif event == 7:  # _IRQ_PERIPHERAL_CONNECT
        s["conn"] = data[0]
    elif event == 8:  # _IRQ_PERIPHERAL_DISCONNECT
        s["conn"] = None
    elif event == 11:  # _IRQ_GATTC_CHARACTERISTIC_RESULT
        if data[4] == DATA:
            s["data"] = data[2]
        elif data[4] == ACK:
            s["ack"] = data[2]
    elif event == 18 and data[1] == s["ack"]:  # _IRQ_GATTC_NOTIFY
        acks.extend(data[2])
    elif event == 21:  # _IRQ_MTU_EXCHANGED
        s["mtu"] = data[1]
    if event in (6, 12, 17, 21):  # scan done, characteristics done, write done, MTU
        s["steps"] += 1


def wait(cond: Callable[[], object], ms: int = 10000) -> None:
    t0 = time.ticks_ms()
    while not cond():
        if time.ticks_diff(time.ticks_ms(), t0) > ms:
            raise OSError("timed out")
        time.sleep_ms(5)


class Link:
    """otaproto's link over the update service: frames queued by send go out as a byte stream
    in writes without response of ATT_MTU - 3 bytes (a frame may straddle two), so the link
    layer's packets are full; the acknowledgements come back as notifications of ACK."""

    def __init__(self) -> None:
        self.out = bytearray()

    def send(self, kind: str, payload: bytes = b"") -> None:
        self.out += otaproto.frame(ord(kind), payload)

    def flush(self) -> None:
        room = s["mtu"] - 3
        while self.out:
            try:
                ble.gattc_write(s["conn"], s["data"], self.out[:room], 0)  # no response
                del self.out[:room]
            except OSError:  # the link's queue is full: wait for room
                time.sleep_ms(5)

    def forget(self) -> None:
        acks[:] = b""

    def answer(self, ms: int) -> tuple[int, int, int, str] | None:
        t0 = time.ticks_ms()
        while True:
            k, body, used = otaproto.take(acks)
            del acks[:used]
            if k == ord("A") and otaproto.ack_fields(body):
                return otaproto.ack_fields(body)
            if k is None:
                if time.ticks_diff(time.ticks_ms(), t0) >= ms:
                    return None
                time.sleep_ms(5)


ble.irq(irq)
ble.active(True)
ble.config(mtu=247)
ble.gap_scan(10000, 30000, 30000)
wait(lambda: s["steps"] == 1, 11000)
if not s["addr"]:
    raise SystemExit("send_ble: no %s" % name.decode())
ble.gap_connect(*s["addr"])
wait(lambda: s["conn"] is not None)
ble.gattc_exchange_mtu(s["conn"])
wait(lambda: s["steps"] == 2)
ble.gattc_discover_characteristics(s["conn"], 1, 0xFFFF)
wait(lambda: s["steps"] == 3)
ble.gattc_write(s["conn"], s["ack"] + 1, b"\x01\x00", 1)  # the ACK characteristic's CCCD
wait(lambda: s["steps"] == 4)
print("send_ble: connected, MTU", s["mtu"])
t0 = time.ticks_ms()
stats = otaproto.Stats()
msg = otaproto.send_image(Link(), image, window=WINDOW, stats=stats)
ms = time.ticks_diff(time.ticks_ms(), t0)
print("send_ble: %s, %d bytes in %d ms (%d B/s)" % (msg, len(image), ms, len(image) * 1000 // max(ms, 1)))
print("send_ble: window %d, %d data frames, %d waits for acks, %d goes back, at most %d in flight"
      % (WINDOW, stats.frames, stats.waits, stats.backs, stats.most))
ble.gap_disconnect(s["conn"])

# examples/ota_uart/send_ble.py IMAGE [NAME]: an rtpy board as a BLE central (a phone or a
# gateway would do the same) that pushes a signed image to examples/ota_uart/app over its
# update service: finds NAME (default rtpy-ota), connects, raises the ATT MTU, turns the
# acknowledgements on, and sends otaproto's frames in MTU-sized writes, each frame waiting for
# its acknowledgement. Run it on the simulated radio (README.md).
import struct
import sys
import time

import bluetooth

sys.path.append(__file__.rsplit("/", 1)[0] + "/app")
import otaproto  # noqa: E402  (the protocol's frames, shared with the device)

SERVICE = bluetooth.UUID("5C7A0001-0F4E-4B1C-9A57-2B1E0D5A7C31")
DATA = bluetooth.UUID("5C7A0002-0F4E-4B1C-9A57-2B1E0D5A7C31")
ACK = bluetooth.UUID("5C7A0003-0F4E-4B1C-9A57-2B1E0D5A7C31")

with open(sys.argv[1], "rb") as f:
    image = f.read()
name = (sys.argv[2] if len(sys.argv) > 2 else "rtpy-ota").encode()
ble = bluetooth.BLE()
s = {"addr": None, "conn": None, "mtu": 23, "data": None, "ack": None, "steps": 0}
acks = bytearray()


def irq(event, data):
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


def wait(cond, ms=10000):
    t0 = time.ticks_ms()
    while not cond():
        if time.ticks_diff(time.ticks_ms(), t0) > ms:
            raise OSError("timed out")
        time.sleep_ms(5)


def write(frame):
    room = s["mtu"] - 3
    for i in range(0, len(frame), room):
        while True:
            try:
                ble.gattc_write(s["conn"], s["data"], frame[i:i + room], 0)  # no response
                break
            except OSError:  # the link's queue is full: wait for room
                time.sleep_ms(5)


def request(kind, payload=b"", done=None, ms=3000):
    """Sends a frame until its acknowledgement comes: (status, next offset, message)."""
    for _ in range(5):
        acks[:] = b""
        write(otaproto.frame(ord(kind), payload))
        t0 = time.ticks_ms()
        while time.ticks_diff(time.ticks_ms(), t0) < ms:
            k, body, used = otaproto.take(acks)
            acks[:] = acks[used:]
            if k == ord("A") and len(body) >= 6:
                status, answered, nxt = struct.unpack_from("<BBI", body)
                if answered in (0, ord(kind)) and (status != otaproto.OK or not done or done(nxt)):
                    if status == otaproto.REFUSED:
                        raise ValueError("refused: " + body[6:].decode())
                    return status, nxt, body[6:].decode()
            elif k is None:
                time.sleep_ms(5)
    raise OSError("no answer to %r" % kind)


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
request("B", struct.pack("<IB", len(image), 0), ms=10000)
off = 0
while off < len(image):
    end = min(off + otaproto.MAX_DATA, len(image))
    _, off, _ = request("D", struct.pack("<I", off) + image[off:end], done=lambda nxt: nxt >= end)
while True:
    status, off, msg = request("E", ms=30000)
    if status == otaproto.OK:
        break
    request("D", struct.pack("<I", off) + image[off:off + otaproto.MAX_DATA])
ms = time.ticks_diff(time.ticks_ms(), t0)
print("send_ble: %s, %d bytes in %d ms (%d B/s)" % (msg, len(image), ms, len(image) * 1000 // max(ms, 1)))
ble.gap_disconnect(s["conn"])

# examples/ble_temp_client.py: a "phone" for examples/ble_temp_sensor.py: finds a device that
# advertises the Environmental Sensing service, connects, reads the temperature, subscribes
# and prints a few notifications, then disconnects.
import struct
import time

import bluetooth

import ble_adv

TYPE_CHECKING = False
if TYPE_CHECKING:  # for mypy only (docs/stubs.md): rtpy has no typing module and skips annotations
    from typing import Any, Callable

_IRQ_SCAN_RESULT = 5
_IRQ_SCAN_DONE = 6
_IRQ_PERIPHERAL_CONNECT = 7
_IRQ_PERIPHERAL_DISCONNECT = 8
_IRQ_GATTC_CHARACTERISTIC_RESULT = 11
_IRQ_GATTC_CHARACTERISTIC_DONE = 12
_IRQ_GATTC_DESCRIPTOR_RESULT = 13
_IRQ_GATTC_DESCRIPTOR_DONE = 14
_IRQ_GATTC_READ_RESULT = 15
_IRQ_GATTC_WRITE_DONE = 17
_IRQ_GATTC_NOTIFY = 18

ENV_SENSING = bluetooth.UUID(0x181A)
TEMPERATURE = bluetooth.UUID(0x2A6E)
CCCD = bluetooth.UUID(0x2902)

ble = bluetooth.BLE()
s: dict[str, Any] = {"addr": None, "conn": None, "value": None, "cccd": None, "events": 0, "temps": []}


def irq(event: int, data: tuple[Any, ...]) -> None:
    if event == _IRQ_SCAN_RESULT:
        if bytes(ENV_SENSING) in ble_adv.fields(data[4], ble_adv.UUID16_ALL) and not s["addr"]:
            s["addr"] = (data[0], bytes(data[1]))
            print("found", ble_adv.name(data[4]))
            ble.gap_scan(None)
    elif event == _IRQ_PERIPHERAL_CONNECT:
        s["conn"] = data[0]
    elif event == _IRQ_PERIPHERAL_DISCONNECT:
        s["conn"] = None
    elif event == _IRQ_GATTC_CHARACTERISTIC_RESULT and data[4] == TEMPERATURE:
        s["value"] = data[2]
    elif event == _IRQ_GATTC_DESCRIPTOR_RESULT and data[2] == CCCD:
        s["cccd"] = data[1]
    elif event == _IRQ_GATTC_READ_RESULT:
        print("read %.2f C" % (struct.unpack("<h", data[2])[0] / 100))
    elif event == _IRQ_GATTC_NOTIFY:
        s["temps"].append(struct.unpack("<h", data[2])[0] / 100)
    if event in (_IRQ_SCAN_DONE, _IRQ_GATTC_CHARACTERISTIC_DONE, _IRQ_GATTC_DESCRIPTOR_DONE,
                 16, _IRQ_GATTC_WRITE_DONE):
        s["events"] += 1


def wait(cond: Callable[[], object], ms: int = 5000) -> None:
    t0 = time.ticks_ms()
    while not cond():
        if time.ticks_diff(time.ticks_ms(), t0) > ms:
            raise OSError("timed out")
        time.sleep_ms(10)


ble.irq(irq)
ble.active(True)
ble.gap_scan(5000, 30000, 30000)
wait(lambda: s["events"] == 1, 6000)
ble.gap_connect(*s["addr"])
wait(lambda: s["conn"] is not None)
ble.gattc_discover_characteristics(s["conn"], 1, 0xFFFF, TEMPERATURE)
wait(lambda: s["events"] == 2)
ble.gattc_read(s["conn"], s["value"])
wait(lambda: s["events"] == 3)  # (16: the read's done)
ble.gattc_discover_descriptors(s["conn"], s["value"] + 1, s["value"] + 1)
wait(lambda: s["events"] == 4)
ble.gattc_write(s["conn"], s["cccd"], b"\x01\x00", 1)
wait(lambda: len(s["temps"]) == 3, 5000)
print("notified", ", ".join("%.2f C" % t for t in s["temps"]))
ble.gap_disconnect(s["conn"])
wait(lambda: s["conn"] is None)
print("disconnected")

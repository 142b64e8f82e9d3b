# examples/ble_uart_central.py: finds the serial-over-BLE peripheral of
# examples/ble_uart_peripheral.py by its name, connects, finds the service and its two
# characteristics, turns notifications on, writes lines and prints the answers.
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
_IRQ_GATTC_SERVICE_RESULT = 9
_IRQ_GATTC_SERVICE_DONE = 10
_IRQ_GATTC_CHARACTERISTIC_RESULT = 11
_IRQ_GATTC_CHARACTERISTIC_DONE = 12
_IRQ_GATTC_WRITE_DONE = 17
_IRQ_GATTC_NOTIFY = 18

UART = bluetooth.UUID("6E400001-B5A3-F393-E0A9-E50E24DCCA9E")
RX = bluetooth.UUID("6E400002-B5A3-F393-E0A9-E50E24DCCA9E")
TX = bluetooth.UUID("6E400003-B5A3-F393-E0A9-E50E24DCCA9E")

ble = bluetooth.BLE()
s: dict[str, Any] = {"addr": None, "conn": None, "range": None, "tx": None, "rx": None, "done": 0,
                      "answers": []}


def irq(event: int, data: tuple[Any, ...]) -> None:
    if event == _IRQ_SCAN_RESULT:
        addr_type, addr, adv_type, rssi, adv = data
        if ble_adv.name(adv) == "rtpy-uart" and not s["addr"]:
            s["addr"] = (addr_type, bytes(addr))
            print("found rtpy-uart, rssi", rssi)
            ble.gap_scan(None)
    elif event == _IRQ_PERIPHERAL_CONNECT:
        s["conn"] = data[0]
    elif event == _IRQ_PERIPHERAL_DISCONNECT:
        s["conn"] = None
    elif event == _IRQ_GATTC_SERVICE_RESULT and data[3] == UART:
        s["range"] = data[1:3]
    elif event == _IRQ_GATTC_CHARACTERISTIC_RESULT:
        if data[4] == TX:
            s["tx"] = data[2]
        elif data[4] == RX:
            s["rx"] = data[2]
    elif event in (_IRQ_SCAN_DONE, _IRQ_GATTC_SERVICE_DONE, _IRQ_GATTC_CHARACTERISTIC_DONE,
                   _IRQ_GATTC_WRITE_DONE):
        s["done"] += 1
    elif event == _IRQ_GATTC_NOTIFY and data[1] == s["tx"]:
        s["answers"].append(bytes(data[2]))


def wait(cond: Callable[[], object], ms: int = 5000) -> None:
    t0 = time.ticks_ms()
    while not cond():
        if time.ticks_diff(time.ticks_ms(), t0) > ms:
            raise OSError("timed out")
        time.sleep_ms(10)


ble.irq(irq)
ble.active(True)
ble.gap_scan(5000, 30000, 30000, True)  # active: the name is in the scan response
wait(lambda: s["done"] == 1, 6000)
ble.gap_connect(*s["addr"])
wait(lambda: s["conn"] is not None)
print("connected")
ble.gattc_discover_services(s["conn"])
wait(lambda: s["done"] == 2)
ble.gattc_discover_characteristics(s["conn"], *s["range"])
wait(lambda: s["done"] == 3)
ble.gattc_write(s["conn"], s["tx"] + 1, b"\x01\x00", 1)  # TX's CCCD: notifications on
wait(lambda: s["done"] == 4)
for line in (b"hello", b"rtpy over the air"):
    ble.gattc_write(s["conn"], s["rx"], line + b"\n", 1)
    wait(lambda: len(s["answers"]) == 1)
    print("answer", s["answers"].pop())
ble.gap_disconnect(s["conn"])
wait(lambda: s["conn"] is None)
print("disconnected")

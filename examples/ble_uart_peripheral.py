# examples/ble_uart_peripheral.py: a serial link over BLE, as many sensors and consoles offer
# one: a 128-bit service with an RX characteristic the central writes and a TX characteristic
# that notifies (the UUIDs of the widely used "Nordic UART" layout, so phone apps find it).
# This peripheral answers each line it gets in upper case. Run it with its central:
#   build/host/rtpy-air /tmp/air --wait=2 --exit-when-empty &
#   build/host/rtpy --air=/tmp/air,name=p examples/ble_uart_peripheral.py &
#   build/host/rtpy --air=/tmp/air,name=c,x=3 examples/ble_uart_central.py
import time

import bluetooth

import ble_adv

TYPE_CHECKING = False
if TYPE_CHECKING:  # for mypy only (docs/stubs.md): rtpy has no typing module and skips annotations
    from typing import Any, Callable

_IRQ_CENTRAL_CONNECT = 1
_IRQ_CENTRAL_DISCONNECT = 2
_IRQ_GATTS_WRITE = 3

UART = bluetooth.UUID("6E400001-B5A3-F393-E0A9-E50E24DCCA9E")
RX = bluetooth.UUID("6E400002-B5A3-F393-E0A9-E50E24DCCA9E")
TX = bluetooth.UUID("6E400003-B5A3-F393-E0A9-E50E24DCCA9E")
NAME = "rtpy-uart"


class UartPeripheral:
    def __init__(self, ble: bluetooth.BLE,
                 on_line: Callable[[UartPeripheral, int, bytes], None]) -> None:
        self.ble, self.on_line = ble, on_line
        self.conns: set[int] = set()
        self.served = 0
        ble.irq(self.irq)
        ble.active(True)
        ble.config(gap_name=NAME)
        service = (UART, ((TX, bluetooth.FLAG_READ | bluetooth.FLAG_NOTIFY),
                          (RX, bluetooth.FLAG_WRITE | bluetooth.FLAG_WRITE_NO_RESPONSE)))
        ((self.tx, self.rx),) = ble.gatts_register_services((service,))
        ble.gatts_set_buffer(self.rx, 200, True)  # writes append until we read them
        self.advertise()

    def advertise(self) -> None:
        adv = ble_adv.payload(services=[UART])
        resp = ble_adv.payload(name=NAME)[3:]  # the name in the scan response (no flags)
        self.ble.gap_advertise(100000, adv, resp_data=resp)

    def irq(self, event: int, data: tuple[Any, ...]) -> None:
        if event == _IRQ_CENTRAL_CONNECT:
            self.conns.add(data[0])
            print("connected")
        elif event == _IRQ_CENTRAL_DISCONNECT:
            self.conns.discard(data[0])
            self.served += 1
            print("disconnected")
            self.advertise()
        elif event == _IRQ_GATTS_WRITE and data[1] == self.rx:
            for line in self.ble.gatts_read(self.rx).split(b"\n"):
                if line:
                    self.on_line(self, data[0], line)

    def send(self, conn: int, data: bytes) -> None:
        self.ble.gatts_notify(conn, self.tx, data)


def answer(uart: UartPeripheral, conn: int, line: bytes) -> None:
    print("got", line)
    uart.send(conn, line.upper() + b"\n")


uart = UartPeripheral(bluetooth.BLE(), answer)
print("advertising", NAME)
while uart.served < 1:  # one central, then stop (a real device would go on)
    time.sleep_ms(100)

# examples/ota_uart/app/main.py: an application that updates itself over UART 1 and over BLE
# (../README.md). At start it reports the version it runs; a version on test (just installed)
# checks itself and confirms, else the next reset goes back to the previous one. Then it
# waits for an image on UART 1 (../send.py on the host) or from a BLE central writing to its
# update service (../send_ble.py), installs it and resets into it.
import machine
import ota
import time

import otaproto

TYPE_CHECKING = False
if TYPE_CHECKING:  # for mypy only (docs/stubs.md): rtpy has no typing module and skips annotations
    from types import ModuleType
    from typing import Any

UART_ID = 1
BAUD = 115200
installed: list[str] = []  # set by the BLE side (its events run as soft handlers)


def self_test(uart: machine.UART) -> bool:
    """What a new version checks before it accepts itself. A real device would check its
    sensors and reach its server; this one checks that its update link works."""
    return uart.write(b"") == 0


class BleUpdates:
    """The update service: frames of otaproto written to DATA (with or without response, a
    byte stream: a frame may span writes, a write hold several), its answers notified on ACK
    (the same protocol as on the UART). DATA's buffer appends the writes that come before the
    handler reads it: two full ones (ATT_MTU 247); a write that finds it full is dropped, and
    the protocol sends it again."""

    SERVICE = "5C7A0001-0F4E-4B1C-9A57-2B1E0D5A7C31"
    DATA = "5C7A0002-0F4E-4B1C-9A57-2B1E0D5A7C31"
    ACK = "5C7A0003-0F4E-4B1C-9A57-2B1E0D5A7C31"
    NAME = "rtpy-ota"

    def __init__(self, bluetooth: ModuleType) -> None:
        self.ble = bluetooth.BLE()
        self.ble.irq(self.irq)
        self.ble.active(True)
        U = bluetooth.UUID
        svc = (U(self.SERVICE), ((U(self.DATA), bluetooth.FLAG_WRITE | bluetooth.FLAG_WRITE_NO_RESPONSE),
                                 (U(self.ACK), bluetooth.FLAG_NOTIFY)))
        ((self.data, self.ack),) = self.ble.gatts_register_services((svc,))
        self.ble.gatts_set_buffer(self.data, 512, True)  # writes append until read
        self.conn = None
        self.rx = otaproto.Receiver(self.send)
        self.advertise()

    def advertise(self) -> None:
        name = self.NAME.encode()
        self.ble.gap_advertise(100000, bytes([2, 0x01, 0x06, len(name) + 1, 0x09]) + name)

    def send(self, frame: bytes) -> None:
        for _ in range(100):  # the link's queue may be full for a connection event or two
            if self.conn is None:
                return
            try:
                return self.ble.gatts_notify(self.conn, self.ack, frame)
            except OSError:
                time.sleep_ms(2)
        # dropped: the next ack's offset covers this one's, or the sender's timeout does

    def irq(self, event: int, data: tuple[Any, ...]) -> None:
        if event == 1:  # _IRQ_CENTRAL_CONNECT
            self.conn = data[0]
            self.rx.idle()
        elif event == 2:  # _IRQ_CENTRAL_DISCONNECT
            self.conn = None
            if not installed:
                self.advertise()
        elif event == 3 and data[1] == self.data:  # _IRQ_GATTS_WRITE
            if self.rx.feed(self.ble.gatts_read(self.data)):
                installed.append("ble")


def main() -> None:
    uart = machine.UART(UART_ID, BAUD, timeout=500, timeout_char=20)
    run = ota.running()
    if run is None:
        print("ota_uart: no image in the primary slot")
    else:
        version, slot, confirmed = run
        print("ota_uart: running", version, "(confirmed)" if confirmed else "(test)")
        if not confirmed:
            if not self_test(uart):
                print("ota_uart: self-test failed, reverting")
                machine.reset()
            ota.confirm()
            print("ota_uart: confirmed", version)
    try:
        import bluetooth
        BleUpdates(bluetooth)
        print("ota_uart: waiting for an image over BLE too")
    except (ImportError, OSError) as e:  # no radio on this board (or no controller answering)
        print("ota_uart: no BLE:", repr(e))
    rx = otaproto.Receiver(uart.write)
    print("ota_uart: waiting for an image on UART", UART_ID)
    shown = -1
    while not installed:
        data = uart.read(rx.wanted())
        if not data:
            rx.idle()
        elif rx.feed(data):
            uart.flush()  # the last acknowledgement leaves before the reset
            installed.append("uart")
        written, total = ota.progress()
        if total and written * 10 // total != shown:
            shown = written * 10 // total
            print("ota_uart: %d/%d bytes" % (written, total))
    print("ota_uart: installed, resetting")
    if installed[0] == "ble":
        time.sleep_ms(300)  # the last acknowledgement is notified before the reset
    machine.reset()


main()

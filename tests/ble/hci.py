# tests/ble/hci.py: raw HCI to the board's BLE controller, for the tests that exercise the
# controller and the air below the bluetooth module: UART 3 on the simulated board (its
# controller, boards/sim/ble.c), UART 2 on QEMU's (rtpy-ctrl on the host, docs/ble.md).
import machine
import time

try:
    uart = machine.UART(3, 1000000, timeout=100)
except ValueError:
    uart = machine.UART(2, 1000000, timeout=100)


def event():
    """The next H4 event packet (bytes), or None after the UART's timeout."""
    head = uart.read(3)
    if not head:
        return None
    return head + (uart.read(head[2]) if head[2] else b"")


def command(op, params=b""):
    """Sends a command; returns its Command Complete / Status event (skipping others)."""
    uart.write(bytes([1, op & 0xFF, op >> 8, len(params)]) + params)
    while True:
        e = event()
        if e is None or e[1] in (0x0E, 0x0F):
            return e


def setup():
    for _ in range(100):  # until the controller answers (rtpy-ctrl may still be starting)
        if command(0x0C03):  # Reset
            break
        time.sleep_ms(100)
    command(0x0C01, b"\xff" * 8)  # every event
    command(0x2001, b"\xff" * 8)  # every LE event

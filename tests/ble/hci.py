# tests/ble/hci.py: raw HCI over the simulated board's UART 3 (its BLE controller), for the
# tests that exercise the controller and the air below the bluetooth module.
import machine

uart = machine.UART(3, 1000000, timeout=100)


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
    command(0x0C03)  # Reset
    command(0x0C01, b"\xff" * 8)  # every event
    command(0x2001, b"\xff" * 8)  # every LE event

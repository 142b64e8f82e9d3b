# examples/ota_uart/app/main.py: an application that updates itself over UART 1 (../README.md).
# At start it reports the version it runs; a version on test (just installed) checks itself
# and confirms, else the next reset goes back to the previous one. Then it waits for an image
# on UART 1 (../send.py on the host), installs it and resets into it.
import machine
import ota

import otaproto

UART_ID = 1
BAUD = 115200


def self_test(uart):
    """What a new version checks before it accepts itself. A real device would check its
    sensors and reach its server; this one checks that its update link works."""
    return uart.write(b"") == 0


def main():
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
    rx = otaproto.Receiver(uart.write)
    print("ota_uart: waiting for an image on UART", UART_ID)
    shown = -1
    while True:
        data = uart.read(rx.wanted())
        if not data:
            rx.idle()
            continue
        if rx.feed(data):
            uart.flush()  # the last acknowledgement leaves before the reset
            print("ota_uart: installed, resetting")
            machine.reset()
        written, total = ota.progress()
        if total and written * 10 // total != shown:
            shown = written * 10 // total
            print("ota_uart: %d/%d bytes" % (written, total))


main()

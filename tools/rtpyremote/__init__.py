"""rtpy-remote: drives an rtpy device (a board on a serial line, the firmware in QEMU, or a
host rtpy) through MicroPython's raw REPL protocol. See docs/tools.md."""

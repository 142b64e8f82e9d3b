# The ota module's API (docs/ota.md): rtpy's own, no CPython counterpart. The whole update
# cycle needs a flash and restarts: tests/host/test_ota.py. Here: the names, progress() before
# any update, and running()/pending() either failing with ENODEV (no flash: the host runner)
# or reporting an empty primary (QEMU's runner gives the board a blank flash, no bootloader).
import errno
import ota

print(sorted(n for n in dir(ota) if not n.startswith("_")))
print(ota.progress())
for f in (ota.running, ota.pending):
    try:
        print(f.__name__, f() is None)
    except OSError as e:
        print(f.__name__, e.args[0] == errno.ENODEV)
try:
    ota.finish(bogus=1)
except TypeError:
    print("TypeError")

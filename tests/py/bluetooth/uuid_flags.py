# Checks: bluetooth.UUID (16- and 128-bit forms, ==, hash, repr, bytes), the FLAG_* values and
# that methods needing the radio raise OSError(ENODEV) before active(True). No radio is used,
# so the same output on the host and on boards without one.
try:
    import bluetooth
except ImportError:
    print("SKIP")
    raise SystemExit
import errno

U = bluetooth.UUID
a = U("6E400001-B5A3-F393-E0A9-E50E24DCCA9E")
print(a, repr(U(0x2A00)), U(b"\x00\x2a"))
print(a == U("6e400001b5a3f393e0a9e50e24dcca9e"), a == U(0x2A00), U(0x2A00) == U(b"\x00\x2a"))
print(U(0x2A00) == 0x2A00, U(0x2A00) != U(0x2A01))
print(len({a, U(bytes(a)), U(0x2A00), U(0x2A00)}))
print(bytes(a).hex(), bytes(U(0x180F)))
for bad in (0x10000, -1, "1234", b"123", 1.5, None):
    try:
        U(bad)
        print("accepted", bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
print(bluetooth.FLAG_BROADCAST, bluetooth.FLAG_READ, bluetooth.FLAG_WRITE_NO_RESPONSE,
      bluetooth.FLAG_WRITE, bluetooth.FLAG_NOTIFY, bluetooth.FLAG_INDICATE)
ble = bluetooth.BLE()
print(ble is bluetooth.BLE(), ble.active())
for f, args in ((ble.gap_advertise, (100000,)), (ble.gap_scan, (100,)), (ble.gatts_read, (1,)),
                (ble.gattc_read, (0, 1))):
    try:
        f(*args)
    except OSError as e:
        print("OSError", e.args[0] == errno.ENODEV)

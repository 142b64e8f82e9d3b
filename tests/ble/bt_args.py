# tests/ble/bt_args.py: the bluetooth module's argument checks and errors (one board, alone):
# what MicroPython raises TypeError, ValueError or OSError for, and the configuration values.
import errno

import bluetooth


def check(what, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(what, "->", r)
    except OSError as e:
        print(what, "OSError", errno.errorcode.get(e.args[0], e.args[0]))
    except Exception as e:
        print(what, type(e).__name__)


ble = bluetooth.BLE()
U = bluetooth.UUID
check("BLE(1)", bluetooth.BLE, 1)
check("UUID()", U)
check("UUID(1.5)", U, 1.5)
check("UUID(0x10000)", U, 0x10000)
check("UUID(b'abc')", U, b"abc")
check("UUID('12')", U, "12")
check("UUID('g...')", U, "g" * 32)
check("UUID(-1)", U, -1)
print(U(0x180D), U("6E400001-B5A3-F393-E0A9-E50E24DCCA9E"), U(b"\x0d\x18"))
print(U(0x180D) == U(b"\x0d\x18"), U(0x180D) == 0x180D, U(0x180D) != U(0x180E))
print(len({U(0x180D), U(b"\x0d\x18"), U(0x2A00)}))
print(bytes(U("6E400001-B5A3-F393-E0A9-E50E24DCCA9E")))
print(bluetooth.FLAG_READ, bluetooth.FLAG_WRITE, bluetooth.FLAG_NOTIFY, bluetooth.FLAG_INDICATE,
      bluetooth.FLAG_WRITE_NO_RESPONSE)
print("active", ble.active())
check("gap_advertise before active", ble.gap_advertise, 100000)
check("gatts_read before active", ble.gatts_read, 1)
check("irq(5)", ble.irq, 5)
print("active", ble.active(True))
check("config('nonsense')", ble.config, "nonsense")
check("config('mac', 'gap_name')", ble.config, "mac", "gap_name")
check("config(5)", ble.config, 5)
check("config(io=1)", ble.config, io=1)
check("config(io=3)", ble.config, io=3)
check("config(mtu=10)", ble.config, mtu=10)
check("config(mtu=600)", ble.config, mtu=600)
check("config(le_secure=False)", ble.config, le_secure=False)
check("config(gap_name=40 bytes)", ble.config, gap_name="x" * 40)
check("config(nonsense=1)", ble.config, nonsense=1)
for k in ("gap_name", "mtu", "rxbuf", "addr_mode", "bond", "io", "le_secure"):
    print(k, ble.config(k))
print("mac", ble.config("mac")[0], len(ble.config("mac")[1]))
check("gap_advertise()", ble.gap_advertise)
check("gap_advertise(40 bytes)", ble.gap_advertise, 100000, b"x" * 40)
check("gap_advertise(bad kw)", ble.gap_advertise, 100000, nonsense=1)
check("gap_advertise(100 ms)", ble.gap_advertise, 100000, b"\x02\x01\x06", resp_data=b"")
check("gap_advertise(None)", ble.gap_advertise, None)
check("gap_scan(window > interval)", ble.gap_scan, 100, 10000, 20000)
check("gap_scan(-1)", ble.gap_scan, -1)
check("gap_scan(None)", ble.gap_scan, None)
check("gap_connect(2, ...)", ble.gap_connect, 2, b"123456")
check("gap_connect(0, 2 bytes)", ble.gap_connect, 0, b"12")
check("gap_connect(0, 5)", ble.gap_connect, 0, 5)
check("gap_disconnect(5)", ble.gap_disconnect, 5)
check("gap_pair(5)", ble.gap_pair, 5)
check("gatts_register_services(5)", ble.gatts_register_services, 5)
check("gatts_register_services(str uuid)", ble.gatts_register_services, (("x", ()),))
check("gatts_register_services(bad chr)", ble.gatts_register_services, ((U(0x180F), ((U(0x2A19),),)),))
check("gatts_register_services(ok)", ble.gatts_register_services,
      ((U(0x180F), ((U(0x2A19), bluetooth.FLAG_READ, ((U(0x2901), bluetooth.FLAG_READ),)),)),))
check("gatts_write(999)", ble.gatts_write, 999, b"x")
check("gatts_write(no data)", ble.gatts_write, 8)
check("gatts_write(send_update=)", ble.gatts_write, 999, b"x", send_update=True)
check("gatts_read(999)", ble.gatts_read, 999)
check("gatts_set_buffer(8, 600)", ble.gatts_set_buffer, 8, 600)
check("gatts_notify(5, 8)", ble.gatts_notify, 5, 8)
check("gattc_read(5, 3)", ble.gattc_read, 5, 3)
check("gattc_write(5, 3, b'x', 2)", ble.gattc_write, 5, 3, b"x", 2)
check("gattc_exchange_mtu(5)", ble.gattc_exchange_mtu, 5)
check("gattc_discover_services(5, 'x')", ble.gattc_discover_services, 5, "x")
print("active", ble.active(False))
check("gatts_read after active(False)", ble.gatts_read, 8)
print("active again", ble.active(True), ble.config("mac")[0], ble.gatts_read(3))
check("gatts_read(8) after restart", ble.gatts_read, 8)
print("active", ble.active(False))

# tests/ble/aioble_parse.py: aioble's pure parts, no radio needed (tests/host/test_aioble.py):
# the advertising payload built from fields and split into the scan response, scan results
# parsed back, Device addresses.
import aioble
import bluetooth
from aioble.central import ScanResult
from aioble.peripheral import _payload

u128 = bluetooth.UUID("a0b10001-0000-4000-8000-00000000a10b")
adv, resp = _payload(False, False, "short", [bluetooth.UUID(0x180F)], 768, (0x0059, b"\x01\x02"))
print("one packet", adv.hex(), resp)
adv, resp = _payload(False, False, "a-rather-long-device-name", [u128, bluetooth.UUID(0x181A)], 0, None)
print("split", len(adv), len(resp))
try:
    _payload(False, False, "n" * 40, None, 0, None)
except ValueError as e:
    print("too long:", e)

r = ScanResult(aioble.Device(aioble.ADDR_RANDOM, "c2:00:01:02:03:04"))
print(r.device, r.device.addr_hex(), r.name(), list(r.services()), list(r.manufacturer()))
print("new adv", r._update(0, -40, adv), "same again", r._update(0, -41, adv), "resp", r._update(4, -42, resp))
print(r.name(), list(r.services()), r.rssi, r.connectable)
r._update(3, -50, b"\x05\x05\x78\x56\x34\x12\x05\xff\x34\x12\xaa\xbb\x04\xff\x59\x00\xcc")
print(list(r.services()), list(r.manufacturer()), list(r.manufacturer(0x0059)), r.connectable)
print(r.device == aioble.Device(1, b"\xc2\x00\x01\x02\x03\x04"), r.device == aioble.Device(0, "c2:00:01:02:03:04"))
print(len({r.device: 1, aioble.Device(1, "c2:00:01:02:03:04"): 2}))
import aioble.security
print("security", aioble.security.load_secrets(), aioble.security.save_secrets())

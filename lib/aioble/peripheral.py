# aioble.peripheral: advertising (the payload built from common fields) and waiting for a
# central to connect.
import asyncio
import struct
from micropython import const

from .core import ble, ensure_active, flag, until

_ADV_TYPE_FLAGS = const(0x01)
_ADV_TYPE_UUID16_COMPLETE = const(0x03)
_ADV_TYPE_UUID32_COMPLETE = const(0x05)
_ADV_TYPE_UUID128_COMPLETE = const(0x07)
_ADV_TYPE_NAME = const(0x09)
_ADV_TYPE_APPEARANCE = const(0x19)
_ADV_TYPE_MANUFACTURER = const(0xFF)
_ADV_MAX = const(31)

from .device import advertising as _state  # set by the connection event (device.py)


def _field(bufs, ad_type, value):
    # the field goes in the advertising data while it fits, else in the scan response
    field = bytes((len(value) + 1, ad_type)) + value
    for i in (0, 1):
        if len(bufs[i]) + len(field) <= _ADV_MAX:
            bufs[i] += field
            return
    raise ValueError("advertising data too long")


def _payload(limited_disc, br_edr, name, services, appearance, manufacturer):
    bufs = [b"", b""]
    _field(bufs, _ADV_TYPE_FLAGS, bytes(((0x01 if limited_disc else 0x02) | (0x00 if br_edr else 0x04),)))
    if name:
        _field(bufs, _ADV_TYPE_NAME, name.encode() if isinstance(name, str) else bytes(name))
    if services:
        for uuid in services:
            b = bytes(uuid)
            t = {2: _ADV_TYPE_UUID16_COMPLETE, 4: _ADV_TYPE_UUID32_COMPLETE}.get(len(b), _ADV_TYPE_UUID128_COMPLETE)
            _field(bufs, t, b)
    if appearance:
        _field(bufs, _ADV_TYPE_APPEARANCE, struct.pack("<H", appearance))
    if manufacturer:
        _field(bufs, _ADV_TYPE_MANUFACTURER, struct.pack("<H", manufacturer[0]) + bytes(manufacturer[1]))
    return bufs


async def advertise(interval_us, adv_data=None, resp_data=None, connectable=True,
                    limited_disc=False, br_edr=False, name=None, services=None, appearance=0,
                    manufacturer=None, timeout_ms=None):
    """Advertises until a central connects (connectable: returns the DeviceConnection) or
    timeout_ms passes (asyncio.TimeoutError; None: no limit); a non-connectable advertiser
    returns None after timeout_ms (at once without one, still advertising). adv_data and
    resp_data given are used as they are; otherwise both are built from the fields (flags,
    name, service UUIDs, appearance, manufacturer=(company_id, bytes)), overflowing from the
    advertising data into the scan response."""
    ensure_active()
    if adv_data is None and resp_data is None:
        adv_data, resp_data = _payload(limited_disc, br_edr, name, services, appearance, manufacturer)
        resp_data = resp_data or None
    if _state[0] is not None:
        raise ValueError("already advertising")
    f = flag()
    _state[0] = f
    _state[1] = None
    try:
        ble.gap_advertise(interval_us, adv_data=adv_data, resp_data=resp_data, connectable=connectable)
        if not connectable:
            if timeout_ms is not None:
                await asyncio.sleep_ms(timeout_ms)
                ble.gap_advertise(None)
            return None
        try:
            return await until(f, lambda: _state[1], timeout_ms)
        except BaseException:
            if _state[1] is None:
                ble.gap_advertise(None)
            raise
    finally:
        _state[0] = None

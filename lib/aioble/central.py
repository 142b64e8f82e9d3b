# aioble.central: scanning (results per device, its advertising data and scan response
# together, with the common fields parsed); connecting is Device.connect (device.py).
import struct
import bluetooth
from micropython import const

from .core import ble, ensure_active, flag, register_irq_handler, until
from .device import Device

_IRQ_SCAN_RESULT = const(5)
_IRQ_SCAN_DONE = const(6)

_ADV_IND = const(0)
_ADV_DIRECT_IND = const(1)
_SCAN_RSP = const(4)

_ADV_TYPE_NAME_SHORT = const(0x08)
_ADV_TYPE_NAME = const(0x09)
_ADV_TYPE_UUID16 = (0x02, 0x03)
_ADV_TYPE_UUID32 = (0x04, 0x05)
_ADV_TYPE_UUID128 = (0x06, 0x07)
_ADV_TYPE_MANUFACTURER = const(0xFF)

_scanner = [None]  # the running scan


class ScanResult:
    def __init__(self, device):
        self.device = device
        self.adv_data = None
        self.resp_data = None
        self.rssi = None
        self.connectable = False

    def _update(self, adv_type, rssi, data):
        # True when the data is new (the result is then yielded again)
        self.rssi = rssi
        if adv_type == _SCAN_RSP:
            changed = data != self.resp_data
            self.resp_data = data
        else:
            changed = data != self.adv_data
            self.adv_data = data
            self.connectable = adv_type == _ADV_IND or adv_type == _ADV_DIRECT_IND
        return changed

    def __repr__(self):
        return "ScanResult(%r, %r, %r)" % (self.device, self.name(), self.rssi)

    def _fields(self, types):
        for payload in (self.adv_data, self.resp_data):
            if not payload:
                continue
            i = 0
            while i + 1 < len(payload):
                n = payload[i]
                if n == 0:
                    break
                if payload[i + 1] in types:
                    yield payload[i + 1], payload[i + 2:i + 1 + n]
                i += 1 + n

    def name(self):
        """The complete (or shortened) local name, a str; None without one."""
        for _, v in self._fields((_ADV_TYPE_NAME, _ADV_TYPE_NAME_SHORT)):
            try:
                return str(v, "utf-8")
            except UnicodeError:
                return None
        return None

    def services(self):
        """A generator of the advertised service UUIDs (bluetooth.UUID)."""
        for t, v in self._fields(_ADV_TYPE_UUID16 + _ADV_TYPE_UUID32 + _ADV_TYPE_UUID128):
            size = 2 if t in _ADV_TYPE_UUID16 else 4 if t in _ADV_TYPE_UUID32 else 16
            for i in range(0, len(v) - size + 1, size):
                u = v[i:i + size]
                if size == 4:  # no 32-bit UUIDs in the module: as a 128-bit one
                    u = bytes(b"\xfb\x34\x9b\x5f\x80\x00\x00\x80\x00\x10\x00\x00") + u
                yield bluetooth.UUID(u if size != 2 else struct.unpack("<H", u)[0])

    def manufacturer(self, filter=None):
        """A generator of (company_id, data) from the manufacturer-specific fields; with
        filter, only that company's."""
        for _, v in self._fields((_ADV_TYPE_MANUFACTURER,)):
            if len(v) < 2:
                continue
            cid = v[0] | v[1] << 8
            if filter is None or cid == filter:
                yield cid, bytes(v[2:])


class scan:
    """async with scan(duration_ms) as scanner: async for result in scanner: ...
    A result (one ScanResult per device) is yielded when the device is first heard and again
    when its data changes (its scan response adds a name, say); the iteration ends when the
    scan does (duration_ms: 0 scans until the block ends)."""

    def __init__(self, duration_ms, interval_us=None, window_us=None, active=False):
        self._duration_ms = duration_ms
        self._interval_us = interval_us or 1280000
        self._window_us = window_us or 11250
        self._active = active
        self._results = {}
        self._queue = []
        self._done = False
        self._flag = flag()

    async def __aenter__(self):
        ensure_active()
        if _scanner[0] is not None:
            raise ValueError("already scanning")
        _scanner[0] = self
        try:
            ble.gap_scan(self._duration_ms, self._interval_us, self._window_us, self._active)
        except BaseException:
            _scanner[0] = None
            raise
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if not self._done:
            ble.gap_scan(None)
            await until(self._flag, lambda: True if self._done else None, 2000)
        _scanner[0] = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        q = self._queue
        r = await until(self._flag, lambda: q.pop(0) if q else (False if self._done else None))
        if r is False:
            raise StopAsyncIteration
        return r

    async def cancel(self):
        await self.__aexit__(None, None, None)

    def _report(self, addr_type, addr, adv_type, rssi, adv_data):
        dev = Device(addr_type, addr)
        r = self._results.get(dev)
        if r is None:
            r = self._results[dev] = ScanResult(dev)
        if r._update(adv_type, rssi, bytes(adv_data)) and r not in self._queue:
            self._queue.append(r)
            self._flag.set()


def _central_irq(event, data):
    s = _scanner[0]
    if s is None:
        return
    if event == _IRQ_SCAN_RESULT:
        s._report(*data)
    elif event == _IRQ_SCAN_DONE:
        s._done = True
        s._flag.set()


register_irq_handler(_central_irq)

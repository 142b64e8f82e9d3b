# aioble.client: the peer's GATT server seen from a connection: discovery of services,
# characteristics and descriptors, reads, writes, subscriptions and the notifications and
# indications that come back. One GATT procedure runs at a time on a connection (the stack's
# rule): each takes the connection's lock.
import bluetooth
from micropython import const

from .core import GattError, ble, flag, register_irq_handler, until
from .device import _connections

_IRQ_GATTC_SERVICE_RESULT = const(9)
_IRQ_GATTC_SERVICE_DONE = const(10)
_IRQ_GATTC_CHARACTERISTIC_RESULT = const(11)
_IRQ_GATTC_CHARACTERISTIC_DONE = const(12)
_IRQ_GATTC_DESCRIPTOR_RESULT = const(13)
_IRQ_GATTC_DESCRIPTOR_DONE = const(14)
_IRQ_GATTC_READ_RESULT = const(15)
_IRQ_GATTC_READ_DONE = const(16)
_IRQ_GATTC_WRITE_DONE = const(17)
_IRQ_GATTC_NOTIFY = const(18)
_IRQ_GATTC_INDICATE = const(19)

_FLAG_READ = const(0x0002)
_FLAG_WRITE_NO_RESPONSE = const(0x0004)
_FLAG_WRITE = const(0x0008)
_FLAG_NOTIFY = const(0x0010)
_FLAG_INDICATE = const(0x0020)

_CCCD_UUID = const(0x2902)
_QUEUE_MAX = const(8)  # notifications kept while nobody waits (the oldest go first)


class _Discovery:
    # one discovery's results, collected by the handler until its done event
    def __init__(self, done_event):
        self.done_event = done_event
        self.items = []
        self.status = None
        self.flag = flag()


async def _discover(conn, done_event, start, timeout_ms):
    # start() issues the gattc_discover_* call; returns the result tuples
    conn._check()
    async with conn._gattc_lock():
        d = _Discovery(done_event)
        conn._disc = d
        try:
            start()
            st = await until(d.flag, lambda: d.status, timeout_ms, conn)
        finally:
            conn._disc = None
    if st != 0:
        raise GattError(st)
    return d.items


class _AsyncList:
    # an async iterator over what a coroutine returns (a discovery's results)
    def __init__(self, coro):
        self._coro = coro
        self._items = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self._items is None:
            self._items = await self._coro
            self._i = 0
        if self._i >= len(self._items):
            raise StopAsyncIteration
        self._i += 1
        return self._items[self._i - 1]


async def _services_list(conn, uuid, timeout_ms):
    items = await _discover(conn, _IRQ_GATTC_SERVICE_DONE,
                            lambda: ble.gattc_discover_services(conn._conn_handle, uuid), timeout_ms)
    return [ClientService(conn, s, e, u) for s, e, u in items]


def _services(conn, uuid, timeout_ms):
    return _AsyncList(_services_list(conn, uuid, timeout_ms))


class ClientService:
    def __init__(self, connection, start_handle, end_handle, uuid):
        self.connection = connection
        self._start_handle = start_handle
        self._end_handle = end_handle
        self.uuid = uuid

    def __repr__(self):
        return "ClientService(%d, %d, %r)" % (self._start_handle, self._end_handle, self.uuid)

    async def _list(self, uuid, timeout_ms):
        c = self.connection
        items = await _discover(c, _IRQ_GATTC_CHARACTERISTIC_DONE,
                                lambda: ble.gattc_discover_characteristics(
                                    c._conn_handle, self._start_handle, self._end_handle, uuid),
                                timeout_ms)
        return [ClientCharacteristic(self, e, v, p, u) for e, v, p, u in items]

    def characteristics(self, uuid=None, timeout_ms=2000):
        return _AsyncList(self._list(uuid, timeout_ms))

    async def characteristic(self, uuid, timeout_ms=2000):
        """The first characteristic with this UUID, or None."""
        async for c in self.characteristics(uuid, timeout_ms):
            return c
        return None


class BaseClientCharacteristic:
    def _init(self, connection, value_handle, properties, uuid):
        self.connection = connection
        self._value_handle = value_handle
        self.properties = properties
        self.uuid = uuid
        self._flag = None
        self._result = None  # [data, status] of the read or write in progress

    async def _op(self, start, timeout_ms):
        conn = self.connection
        conn._check()
        if self._flag is None:
            self._flag = flag()
        async with conn._gattc_lock():
            r = self._result = [None, None]
            conn._ops[self._value_handle] = self
            try:
                start()
                st = await until(self._flag, lambda: r[1], timeout_ms, conn)
            finally:
                conn._ops.pop(self._value_handle, None)
                self._result = None
        if st != 0:
            raise GattError(st)
        return r[0]

    async def read(self, timeout_ms=1000):
        """The value read from the peer (bytes). GattError (the ATT error) if refused,
        asyncio.TimeoutError after timeout_ms, DeviceDisconnectedError if the link drops."""
        h = self._value_handle
        c = self.connection
        v = await self._op(lambda: ble.gattc_read(c._conn_handle, h), timeout_ms)
        return b"" if v is None else v

    async def write(self, data, response=None, timeout_ms=1000):
        """Writes data; with response (default: when the characteristic cannot be written
        without one) waits for the peer's answer (GattError if refused)."""
        if response is None:
            response = not (self.properties & _FLAG_WRITE_NO_RESPONSE)
        h = self._value_handle
        c = self.connection
        if not response:
            c._check()
            async with c._gattc_lock():
                ble.gattc_write(c._conn_handle, h, data, 0)
            return
        await self._op(lambda: ble.gattc_write(c._conn_handle, h, data, 1), timeout_ms)


class ClientCharacteristic(BaseClientCharacteristic):
    def __init__(self, service, end_handle, value_handle, properties, uuid):
        self._init(service.connection, value_handle, properties, uuid)
        self.service = service
        self._end_handle = end_handle
        self._queues = ([], [])  # notified, indicated
        self._nflags = [None, None]
        service.connection._chars[value_handle] = self

    def __repr__(self):
        return "ClientCharacteristic(%d, %d, %d, %r)" % (
            self._end_handle, self._value_handle, self.properties, self.uuid)

    async def _descriptor_list(self, uuid, timeout_ms):
        c = self.connection
        if self._end_handle <= self._value_handle:
            return []
        items = await _discover(c, _IRQ_GATTC_DESCRIPTOR_DONE,
                                lambda: ble.gattc_discover_descriptors(
                                    c._conn_handle, self._value_handle + 1, self._end_handle),
                                timeout_ms)
        return [ClientDescriptor(self, h, u) for h, u in items if uuid is None or u == uuid]

    def descriptors(self, timeout_ms=2000):
        return _AsyncList(self._descriptor_list(None, timeout_ms))

    async def descriptor(self, uuid, timeout_ms=2000):
        """The first descriptor with this UUID, or None."""
        async for d in _AsyncList(self._descriptor_list(uuid, timeout_ms)):
            return d
        return None

    async def subscribe(self, notify=True, indicate=False, timeout_ms=2000):
        """Writes the characteristic's CCCD (found by discovery); (False, False)
        unsubscribes. ValueError if it has none."""
        cccd = await self.descriptor(bluetooth.UUID(_CCCD_UUID), timeout_ms)
        if cccd is None:
            raise ValueError("no CCCD")
        await cccd.write(bytes(((1 if notify else 0) | (2 if indicate else 0), 0)), True, timeout_ms)

    async def _next(self, i, timeout_ms):
        if self._nflags[i] is None:
            self._nflags[i] = flag()
        q = self._queues[i]
        return await until(self._nflags[i], lambda: q.pop(0) if q else None, timeout_ms, self.connection)

    async def notified(self, timeout_ms=None):
        """The next notification's data (those that came while nobody waited first, up to 8).
        asyncio.TimeoutError after timeout_ms; DeviceDisconnectedError if the link drops."""
        return await self._next(0, timeout_ms)

    async def indicated(self, timeout_ms=None):
        """As notified(), for indications (the stack confirms them)."""
        return await self._next(1, timeout_ms)

    def _arrived(self, i, data):
        q = self._queues[i]
        if len(q) >= _QUEUE_MAX:
            q.pop(0)
        q.append(data)
        if self._nflags[i] is not None:
            self._nflags[i].set()


class ClientDescriptor(BaseClientCharacteristic):
    def __init__(self, characteristic, handle, uuid):
        self._init(characteristic.connection, handle, _FLAG_READ | _FLAG_WRITE, uuid)
        self.characteristic = characteristic

    def __repr__(self):
        return "ClientDescriptor(%d, %r)" % (self._value_handle, self.uuid)


def _client_irq(event, data):
    if _IRQ_GATTC_SERVICE_RESULT <= event <= _IRQ_GATTC_DESCRIPTOR_DONE:
        conn = _connections.get(data[0])
        d = conn._disc if conn is not None else None
        if d is None:
            return
        if event == d.done_event:
            d.status = data[-1]
            d.flag.set()
        elif event == d.done_event - 1:
            d.items.append(data[1:])
    elif _IRQ_GATTC_READ_RESULT <= event <= _IRQ_GATTC_WRITE_DONE:
        conn = _connections.get(data[0])
        op = conn._ops.get(data[1]) if conn is not None else None
        if op is None or op._result is None:
            return
        if event == _IRQ_GATTC_READ_RESULT:
            op._result[0] = data[2]
        else:
            op._result[1] = data[2]
            op._flag.set()
    elif event == _IRQ_GATTC_NOTIFY or event == _IRQ_GATTC_INDICATE:
        conn = _connections.get(data[0])
        c = conn._chars.get(data[1]) if conn is not None else None
        if c is not None:
            c._arrived(event - _IRQ_GATTC_NOTIFY, data[2])


register_irq_handler(_client_irq)

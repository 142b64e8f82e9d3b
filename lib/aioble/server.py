# aioble.server: the local GATT server. Services, characteristics and descriptors are declared
# as objects, registered together; a characteristic's value lives in the stack (gatts_read /
# gatts_write); writes by the peer wake written(); indications wait for their confirmation.
from micropython import const

from .core import GattError, ble, ensure_active, flag, register_irq_handler, until
from .device import _connections

_IRQ_GATTS_WRITE = const(3)
_IRQ_GATTS_READ_REQUEST = const(4)
_IRQ_GATTS_INDICATE_DONE = const(20)

_FLAG_READ = const(0x0002)
_FLAG_WRITE_NO_RESPONSE = const(0x0004)
_FLAG_WRITE = const(0x0008)
_FLAG_NOTIFY = const(0x0010)
_FLAG_INDICATE = const(0x0020)

_by_handle = {}  # value handle -> Characteristic or Descriptor, after registration


class Service:
    def __init__(self, uuid):
        self.uuid = uuid
        self.characteristics = []

    def _def(self):
        return (self.uuid, tuple(c._def() for c in self.characteristics))


class BaseCharacteristic:
    def _init(self, uuid, flags, initial):
        self.uuid = uuid
        self.flags = flags
        self._value_handle = None
        self._initial = initial
        self._write_flag = None
        self._written = None  # (connection, data) of the last write not yet awaited
        self._capture = False

    def _register(self, handle):
        self._value_handle = handle
        _by_handle[handle] = self
        if self._initial is not None:
            ble.gatts_write(handle, self._initial)
            self._initial = None

    def read(self):
        """The value in the stack (the initial one before registration)."""
        if self._value_handle is None:
            return self._initial or b""
        return ble.gatts_read(self._value_handle)

    def write(self, data, send_update=False):
        """Sets the value; with send_update, subscribed centrals are notified or indicated."""
        if self._value_handle is None:
            self._initial = data
        else:
            ble.gatts_write(self._value_handle, data, send_update)

    async def written(self, timeout_ms=None):
        """Waits for the peer's next write: the connection (with capture=True, the pair
        (connection, data)); a write that came since the last call returns at once.
        asyncio.TimeoutError after timeout_ms (None: no limit)."""
        if self._write_flag is None:
            self._write_flag = flag()
        w = await until(self._write_flag, lambda: self._written, timeout_ms)
        self._written = None
        return w if self._capture else w[0]

    def on_read(self, connection):
        # override to refuse a read: return the ATT error (0 allows)
        return 0

    def _remote_write(self, conn):
        data = ble.gatts_read(self._value_handle) if self._capture else None
        self._written = (conn, data)
        if self._write_flag is not None:
            self._write_flag.set()


class Characteristic(BaseCharacteristic):
    def __init__(self, service, uuid, read=False, write=False, write_no_response=False,
                 notify=False, indicate=False, initial=None, capture=False):
        self._init(uuid, (_FLAG_READ if read else 0) | (_FLAG_WRITE if write else 0)
                   | (_FLAG_WRITE_NO_RESPONSE if write_no_response else 0)
                   | (_FLAG_NOTIFY if notify else 0) | (_FLAG_INDICATE if indicate else 0), initial)
        self._capture = capture
        self.descriptors = []
        self._ind_flag = None
        self._ind_status = None
        service.characteristics.append(self)

    def _def(self):
        if self.descriptors:
            return (self.uuid, self.flags, tuple((d.uuid, d.flags) for d in self.descriptors))
        return (self.uuid, self.flags)

    def notify(self, connection, data=None):
        """Notifies the peer of data (None: the current value); no confirmation."""
        connection._check()
        ble.gatts_notify(connection._conn_handle, self._value_handle, data)

    async def indicate(self, connection, data=None, timeout_ms=1000):
        """Indicates data (None: the current value) and waits for the peer's confirmation;
        GattError if it failed, asyncio.TimeoutError after timeout_ms,
        DeviceDisconnectedError if the link drops."""
        connection._check()
        if self._ind_flag is None:
            self._ind_flag = flag()
        if self._ind_status is not None and self._ind_status[0] is None:
            raise ValueError("an indication is in progress")
        self._ind_status = [None]
        ble.gatts_indicate(connection._conn_handle, self._value_handle, data)
        st = await until(self._ind_flag, lambda: self._ind_status[0], timeout_ms, connection)
        self._ind_status = None
        if st != 0:
            raise GattError(st)


class BufferedCharacteristic(Characteristic):
    # a characteristic whose value may be longer than 20 bytes (max_len), or collects the
    # peer's writes (append=True)
    def __init__(self, service, uuid, max_len=20, append=False, **kwargs):
        super().__init__(service, uuid, **kwargs)
        self._max_len = max_len
        self._append = append

    def _register(self, handle):
        ble.gatts_set_buffer(handle, self._max_len, self._append)
        super()._register(handle)


class Descriptor(BaseCharacteristic):
    def __init__(self, characteristic, uuid, read=False, write=False, initial=None):
        self._init(uuid, (_FLAG_READ if read else 0) | (_FLAG_WRITE if write else 0), initial)
        characteristic.descriptors.append(self)


def register_services(*services):
    """Registers the services (replacing those registered before) and sets the initial
    values."""
    ensure_active()
    _by_handle.clear()
    handles = ble.gatts_register_services(tuple(s._def() for s in services))
    for s, hs in zip(services, handles):
        i = 0
        for c in s.characteristics:
            c._register(hs[i])
            i += 1
            for d in c.descriptors:
                d._register(hs[i])
                i += 1


def _server_irq(event, data):
    if event == _IRQ_GATTS_WRITE:
        c = _by_handle.get(data[1])
        conn = _connections.get(data[0])
        if c is not None and conn is not None:
            c._remote_write(conn)
    elif event == _IRQ_GATTS_READ_REQUEST:
        c = _by_handle.get(data[1])
        conn = _connections.get(data[0])
        if c is not None and conn is not None:
            return (c.on_read(conn),)
    elif event == _IRQ_GATTS_INDICATE_DONE:
        c = _by_handle.get(data[1])
        if c is not None and c._ind_status is not None:
            c._ind_status[0] = data[2]
            c._ind_flag.set()


register_irq_handler(_server_irq)

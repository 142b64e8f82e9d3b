# aioble.device: Device (an address) and DeviceConnection (a link to one), with the connection
# events: connect/disconnect on either side, MTU, encryption.
import asyncio
from micropython import const

from .core import ble, ensure_active, flag, register_irq_handler, until

_IRQ_CENTRAL_CONNECT = const(1)
_IRQ_CENTRAL_DISCONNECT = const(2)
_IRQ_PERIPHERAL_CONNECT = const(7)
_IRQ_PERIPHERAL_DISCONNECT = const(8)
_IRQ_MTU_EXCHANGED = const(21)
_IRQ_ENCRYPTION_UPDATE = const(28)

ADDR_PUBLIC = const(0)
ADDR_RANDOM = const(1)


class DeviceDisconnectedError(Exception):
    pass


def _hex(addr):
    return ":".join("%02x" % b for b in addr)


class Device:
    def __init__(self, addr_type, addr):
        if isinstance(addr, str):
            addr = bytes(int(h, 16) for h in addr.split(":"))
        self.addr_type = addr_type
        self.addr = bytes(addr)
        self._connection = None

    def __eq__(self, other):
        return (
            isinstance(other, Device) and self.addr_type == other.addr_type and self.addr == other.addr
        )

    def __hash__(self):
        return hash((self.addr_type, self.addr))

    def __repr__(self):
        return "Device(%s, %s)" % ("ADDR_PUBLIC" if self.addr_type == 0 else "ADDR_RANDOM", self.addr_hex())

    def addr_hex(self):
        return _hex(self.addr)

    async def connect(self, timeout_ms=10000, scan_duration_ms=None, min_conn_interval_us=None,
                      max_conn_interval_us=None):
        """Connects as the central: a DeviceConnection. asyncio.TimeoutError when the device
        did not answer within timeout_ms (the controller gives up then)."""
        if self._connection is not None and self._connection._connected:
            return self._connection
        ensure_active()
        if _pending[0] is not None:
            raise ValueError("already connecting")
        f = flag()
        _pending[0] = self
        _pending[1] = f
        _pending[2] = None
        try:
            ble.gap_connect(self.addr_type, self.addr, scan_duration_ms or timeout_ms,
                            min_conn_interval_us, max_conn_interval_us)
            # the controller's own timeout ends the attempt (an event); ours is a safety net
            r = await until(f, lambda: _pending[2], None if timeout_ms is None else timeout_ms + 2000)
        finally:
            _pending[0] = _pending[1] = None
        if r is False:
            raise asyncio.TimeoutError
        return r


advertising = [None, None]  # the flag of the running advertise(), the connection it got
_pending = [None, None, None]  # the device being connected to, its flag, the result
_connections = {}  # conn_handle -> DeviceConnection


class DeviceConnection:
    def __init__(self, device, handle):
        self.device = device
        device._connection = self
        self._conn_handle = handle
        self._connected = True
        self._flags = []  # flags of waits on this connection: all set at disconnect
        self._dflag = None
        self.mtu = 23
        self.encrypted = False
        self.authenticated = False
        self.bonded = False
        self.key_size = 0
        self._mtu_flag = None
        self._mtu_seen = False
        self._sec_flag = None
        self._sec_seen = False
        self._lock = None  # one GATT client procedure at a time (the stack's rule)
        self._chars = {}  # value handle -> ClientCharacteristic (for notifications)
        self._disc = None  # the running discovery (client.py)
        self._ops = {}  # handle -> the client read or write waiting for its result
        _connections[handle] = self

    def __repr__(self):
        return "DeviceConnection(%r, %d)" % (self.device, self._conn_handle)

    def is_connected(self):
        return self._connected

    def _check(self):
        if not self._connected:
            raise DeviceDisconnectedError

    def _gattc_lock(self):
        if self._lock is None:
            self._lock = asyncio.Lock()
        return self._lock

    async def disconnected(self, timeout_ms=None, disconnect=False):
        """Waits until the link is down (at once if it is); asyncio.TimeoutError after
        timeout_ms (None: no limit); with disconnect=True, ends it first."""
        if disconnect and self._connected:
            ble.gap_disconnect(self._conn_handle)
        if self._dflag is None:
            self._dflag = flag()
        await until(self._dflag, lambda: None if self._connected else True, timeout_ms)

    async def disconnect(self, timeout_ms=2000):
        await self.disconnected(timeout_ms, disconnect=True)

    async def __aenter__(self):
        return self

    def timeout(self, timeout_ms):
        """with connection.timeout(ms): ... cancels what the block awaits after ms and raises
        asyncio.TimeoutError (None: no limit). The connection's operations in it raise
        DeviceDisconnectedError themselves when the link drops."""
        return _DeviceTimeout(self, timeout_ms)

    async def __aexit__(self, exc_type, exc, tb):
        await self.disconnect()

    async def exchange_mtu(self, mtu=None, timeout_ms=1000):
        """Offers mtu (default: the configured one, 247) and waits for the exchange: the
        ATT_MTU agreed (also in .mtu)."""
        self._check()
        if mtu is not None:
            ble.config(mtu=mtu)
        if self._mtu_flag is None:
            self._mtu_flag = flag()
        self._mtu_seen = False
        async with self._gattc_lock():
            ble.gattc_exchange_mtu(self._conn_handle)
            await until(self._mtu_flag, lambda: self.mtu if self._mtu_seen else None, timeout_ms, self)
        return self.mtu

    async def pair(self, bond=True, le_secure=True, mitm=False, io=3, timeout_ms=20000):
        """Pairs (LE Secure Connections, Just Works; with bond, keeps the keys: the module's
        bonds file) or encrypts with an existing bond; waits for the link's encryption
        (.encrypted, .authenticated, .bonded, .key_size). asyncio.TimeoutError after
        timeout_ms."""
        self._check()
        ble.config(bond=bond)
        if not le_secure or mitm or io != 3:
            ble.config(le_secure=le_secure, mitm=mitm, io=io)  # rtpy: ValueError
        if self._sec_flag is None:
            self._sec_flag = flag()
        self._sec_seen = False
        ble.gap_pair(self._conn_handle)
        await until(self._sec_flag, lambda: True if self._sec_seen else None, timeout_ms, self)

    # the services of the peer's GATT server (client.py)
    def services(self, uuid=None, timeout_ms=2000):
        from .client import _services

        return _services(self, uuid, timeout_ms)

    async def service(self, uuid, timeout_ms=2000):
        """The first service with this UUID, or None."""
        async for s in self.services(uuid, timeout_ms):
            return s
        return None


class _DeviceTimeout:
    def __init__(self, conn, timeout_ms):
        self._conn = conn
        self._ms = timeout_ms
        self._why = None

    def _cancel(self):
        self._why = asyncio.TimeoutError
        self._task.cancel()

    def __enter__(self):
        self._conn._check()
        self._task = asyncio.current_task()
        self._timer = None
        if self._ms is not None:
            self._timer = asyncio.get_running_loop().call_later(self._ms / 1000, self._cancel)

    def __exit__(self, exc_type, exc, tb):
        if self._timer is not None:
            self._timer.cancel()
        if exc_type is asyncio.CancelledError and self._why is not None:
            raise self._why


def _device_irq(event, data):
    if event == _IRQ_CENTRAL_CONNECT or event == _IRQ_PERIPHERAL_CONNECT:
        handle, addr_type, addr = data
        dev = _pending[0] if event == _IRQ_PERIPHERAL_CONNECT else None
        if dev is None or dev.addr != bytes(addr):
            dev = Device(addr_type, addr)
        conn = DeviceConnection(dev, handle)
        if event == _IRQ_CENTRAL_CONNECT:
            f = advertising[0]  # advertise() waits (peripheral.py)
            if f is not None:
                advertising[1] = conn
                f.set()
        elif _pending[1] is not None:
            _pending[2] = conn
            _pending[1].set()
    elif event == _IRQ_CENTRAL_DISCONNECT or event == _IRQ_PERIPHERAL_DISCONNECT:
        handle = data[0]
        if handle == 0xFFFF:  # a connection attempt that timed out
            if _pending[1] is not None:
                _pending[2] = False
                _pending[1].set()
            return
        conn = _connections.pop(handle, None)
        if conn is not None:
            conn._connected = False
            for f in conn._flags[:]:
                f.set()
            if conn._dflag is not None:
                conn._dflag.set()
    elif event == _IRQ_MTU_EXCHANGED:
        conn = _connections.get(data[0])
        if conn is not None:
            conn.mtu = data[1]
            conn._mtu_seen = True
            if conn._mtu_flag is not None:
                conn._mtu_flag.set()
    elif event == _IRQ_ENCRYPTION_UPDATE:
        conn = _connections.get(data[0])
        if conn is not None:
            conn.encrypted, conn.authenticated, conn.bonded, conn.key_size = (
                bool(data[1]), bool(data[2]), bool(data[3]), data[4])
            conn._sec_seen = True
            if conn._sec_flag is not None:
                conn._sec_flag.set()


register_irq_handler(_device_irq)

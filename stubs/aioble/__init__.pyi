# Type stubs for rtpy's aioble (lib/aioble/: micropython-lib's aioble API over the bluetooth
# module; docs/ble.md, "aioble").
from types import TracebackType
from typing import Any, AsyncIterator, Callable, Iterator, Literal, Sequence, overload

from _typeshed import ReadableBuffer
from bluetooth import BLE, UUID

ADDR_PUBLIC: int
ADDR_RANDOM: int
PUBLIC: int
RANDOM: int

ble: BLE

class GattError(Exception):
    def __init__(self, status: int) -> None: ...

class DeviceDisconnectedError(Exception): ...

def register_irq_handler(fn: Callable[[int, tuple[Any, ...]], object]) -> None: ...
def config(*args: str, **kwargs: Any) -> Any: ...
def stop() -> None: ...

class Device:
    addr_type: int
    addr: bytes
    def __init__(self, addr_type: int, addr: ReadableBuffer | str) -> None: ...
    def addr_hex(self) -> str: ...
    async def connect(
        self,
        timeout_ms: int | None = 10000,
        scan_duration_ms: int | None = None,
        min_conn_interval_us: int | None = None,
        max_conn_interval_us: int | None = None,
    ) -> DeviceConnection: ...

class _DeviceTimeout:
    def __enter__(self) -> None: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

class DeviceConnection:
    device: Device
    mtu: int
    encrypted: bool
    authenticated: bool
    bonded: bool
    key_size: int
    def is_connected(self) -> bool: ...
    async def disconnected(self, timeout_ms: int | None = None, disconnect: bool = False) -> None: ...
    async def disconnect(self, timeout_ms: int | None = 2000) -> None: ...
    def timeout(self, timeout_ms: int | None) -> _DeviceTimeout: ...
    async def exchange_mtu(self, mtu: int | None = None, timeout_ms: int | None = 1000) -> int: ...
    async def pair(
        self, bond: bool = True, le_secure: bool = True, mitm: bool = False, io: int = 3,
        timeout_ms: int | None = 20000,
    ) -> None: ...
    def services(self, uuid: UUID | None = None, timeout_ms: int | None = 2000) -> AsyncIterator[ClientService]: ...
    async def service(self, uuid: UUID, timeout_ms: int | None = 2000) -> ClientService: ...
    async def __aenter__(self) -> DeviceConnection: ...
    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

# peripheral.py: a connectable advertiser returns the connection, a non-connectable one None
@overload
async def advertise(
    interval_us: int,
    adv_data: ReadableBuffer | None = None,
    resp_data: ReadableBuffer | None = None,
    connectable: Literal[True] = True,
    limited_disc: bool = False,
    br_edr: bool = False,
    name: str | None = None,
    services: Sequence[UUID] | None = None,
    appearance: int = 0,
    manufacturer: tuple[int, ReadableBuffer] | None = None,
    timeout_ms: int | None = None,
) -> DeviceConnection: ...
@overload
async def advertise(
    interval_us: int,
    adv_data: ReadableBuffer | None = None,
    resp_data: ReadableBuffer | None = None,
    *,
    connectable: Literal[False],
    limited_disc: bool = False,
    br_edr: bool = False,
    name: str | None = None,
    services: Sequence[UUID] | None = None,
    appearance: int = 0,
    manufacturer: tuple[int, ReadableBuffer] | None = None,
    timeout_ms: int | None = None,
) -> None: ...
@overload
async def advertise(
    interval_us: int,
    adv_data: ReadableBuffer | None,
    resp_data: ReadableBuffer | None,
    connectable: Literal[False],
    limited_disc: bool = False,
    br_edr: bool = False,
    name: str | None = None,
    services: Sequence[UUID] | None = None,
    appearance: int = 0,
    manufacturer: tuple[int, ReadableBuffer] | None = None,
    timeout_ms: int | None = None,
) -> None: ...

# central.py
class ScanResult:
    device: Device
    adv_data: bytes | None
    resp_data: bytes | None
    rssi: int | None
    connectable: bool
    def name(self) -> str | None: ...
    def services(self) -> Iterator[UUID]: ...
    def manufacturer(self, filter: int | None = None) -> Iterator[tuple[int, bytes]]: ...

class scan:
    def __init__(
        self, duration_ms: int, interval_us: int | None = None, window_us: int | None = None,
        active: bool = False,
    ) -> None: ...
    async def __aenter__(self) -> scan: ...
    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def __aiter__(self) -> scan: ...
    async def __anext__(self) -> ScanResult: ...
    async def cancel(self) -> None: ...

# server.py
class Service:
    uuid: UUID
    characteristics: list[Characteristic]
    def __init__(self, uuid: UUID) -> None: ...

class _BaseCharacteristic:
    uuid: UUID
    flags: int
    def read(self) -> bytes: ...
    def write(self, data: ReadableBuffer, send_update: bool = False) -> None: ...
    # with capture=True the pair (connection, data), else the connection
    async def written(self, timeout_ms: int | None = None) -> Any: ...
    def on_read(self, connection: DeviceConnection) -> int: ...

class Characteristic(_BaseCharacteristic):
    descriptors: list[Descriptor]
    def __init__(
        self,
        service: Service,
        uuid: UUID,
        read: bool = False,
        write: bool = False,
        write_no_response: bool = False,
        notify: bool = False,
        indicate: bool = False,
        initial: ReadableBuffer | None = None,
        capture: bool = False,
    ) -> None: ...
    def notify(self, connection: DeviceConnection, data: ReadableBuffer | None = None) -> None: ...
    async def indicate(
        self, connection: DeviceConnection, data: ReadableBuffer | None = None, timeout_ms: int | None = 1000
    ) -> None: ...

class BufferedCharacteristic(Characteristic):
    def __init__(
        self,
        service: Service,
        uuid: UUID,
        max_len: int = 20,
        append: bool = False,
        *,
        read: bool = False,
        write: bool = False,
        write_no_response: bool = False,
        notify: bool = False,
        indicate: bool = False,
        initial: ReadableBuffer | None = None,
        capture: bool = False,
    ) -> None: ...

class Descriptor(_BaseCharacteristic):
    def __init__(
        self, characteristic: Characteristic, uuid: UUID, read: bool = False, write: bool = False,
        initial: ReadableBuffer | None = None,
    ) -> None: ...

def register_services(*services: Service) -> None: ...

# client.py
class ClientService:
    connection: DeviceConnection
    uuid: UUID
    def characteristics(
        self, uuid: UUID | None = None, timeout_ms: int | None = 2000
    ) -> AsyncIterator[ClientCharacteristic]: ...
    async def characteristic(self, uuid: UUID, timeout_ms: int | None = 2000) -> ClientCharacteristic: ...

class _BaseClientCharacteristic:
    connection: DeviceConnection
    properties: int
    uuid: UUID
    async def read(self, timeout_ms: int | None = 1000) -> bytes: ...
    async def write(self, data: ReadableBuffer, response: bool | None = None, timeout_ms: int | None = 1000) -> None: ...

class ClientCharacteristic(_BaseClientCharacteristic):
    service: ClientService
    def descriptors(self, timeout_ms: int | None = 2000) -> AsyncIterator[ClientDescriptor]: ...
    async def descriptor(self, uuid: UUID, timeout_ms: int | None = 2000) -> ClientDescriptor: ...
    async def subscribe(self, notify: bool = True, indicate: bool = False, timeout_ms: int | None = 2000) -> None: ...
    async def notified(self, timeout_ms: int | None = None) -> bytes: ...
    async def indicated(self, timeout_ms: int | None = None) -> bytes: ...

class ClientDescriptor(_BaseClientCharacteristic):
    characteristic: ClientCharacteristic

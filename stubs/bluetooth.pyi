# Type stubs for rtpy's `bluetooth`: MicroPython's low-level BLE API (modules/mod_bluetooth.c,
# mod_bluetooth_uuid.c; docs/ble.md, "The bluetooth module"). Event payloads are bytes.
from typing import Any, Callable, Iterable, Literal, Sequence, overload

from _typeshed import ReadableBuffer

FLAG_BROADCAST: int
FLAG_READ: int
FLAG_WRITE_NO_RESPONSE: int
FLAG_WRITE: int
FLAG_NOTIFY: int
FLAG_INDICATE: int
FLAG_AUTHENTICATED_SIGNED_WRITE: int
FLAG_AUX_WRITE: int
FLAG_READ_ENCRYPTED: int
FLAG_READ_AUTHENTICATED: int
FLAG_READ_AUTHORIZED: int
FLAG_WRITE_ENCRYPTED: int
FLAG_WRITE_AUTHENTICATED: int
FLAG_WRITE_AUTHORIZED: int

class UUID:
    """A 16- or 128-bit UUID: UUID(0x180D), UUID('6e400001-b5a3-f393-e0a9-e50e24dcca9e'), or
    its wire bytes. Equality and hash by value; the buffer gives the wire bytes."""
    def __init__(self, value: int | str | ReadableBuffer, /) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    # bytes(uuid) works through the buffer protocol, which typing cannot say before 3.12
    def __bytes__(self) -> bytes: ...

# gatts_register_services' definitions: (uuid, flags) or (uuid, flags, descriptors) per
# characteristic, (uuid, characteristics) per service.
_Descriptor = tuple[UUID, int]
_Characteristic = tuple[UUID, int] | tuple[UUID, int, Sequence[_Descriptor]]
_Service = tuple[UUID, Sequence[_Characteristic]]

# irq(handler): handler(event, data) with data the event's tuple; what it returns matters for
# _IRQ_GATTS_READ_REQUEST (an ATT error code, or None/0 to allow) and the secrets events.
_Handler = Callable[[int, tuple[Any, ...]], object]

class BLE:
    def __init__(self) -> None: ...
    def active(self, active: bool | int = ..., /) -> bool: ...
    @overload
    def config(self, param: Literal["mac"], /) -> tuple[int, bytes]: ...
    @overload
    def config(self, param: Literal["gap_name"], /) -> bytes: ...
    @overload
    def config(self, param: Literal["mtu", "rxbuf", "addr_mode", "io"], /) -> int: ...
    @overload
    def config(self, param: Literal["bond", "le_secure", "mitm"], /) -> bool: ...
    @overload
    def config(
        self,
        *,
        gap_name: str | bytes = ...,
        mtu: int = ...,
        rxbuf: int = ...,
        addr_mode: int = ...,
        bond: bool = ...,
        io: int = ...,
        le_secure: bool = ...,
        mitm: bool = ...,
    ) -> None: ...
    def irq(self, handler: _Handler | None, /) -> None: ...
    def gap_advertise(
        self,
        interval_us: int | None,
        adv_data: ReadableBuffer | None = None,
        *,
        resp_data: ReadableBuffer | None = None,
        connectable: bool = True,
    ) -> None: ...
    def gap_scan(
        self,
        duration_ms: int | None,
        interval_us: int = 1280000,
        window_us: int = 11250,
        active: bool = False,
    ) -> None: ...
    def gap_connect(
        self,
        addr_type: int,
        addr: ReadableBuffer,
        scan_duration_ms: int = 2000,
        min_conn_interval_us: int | None = None,
        max_conn_interval_us: int | None = None,
    ) -> None: ...
    def gap_disconnect(self, conn_handle: int, /) -> bool: ...
    def gap_pair(self, conn_handle: int, /) -> None: ...
    def gatts_register_services(self, services_definition: Iterable[_Service], /) -> tuple[tuple[int, ...], ...]: ...
    def gatts_read(self, value_handle: int, /) -> bytes: ...
    def gatts_write(self, value_handle: int, data: ReadableBuffer, send_update: bool = False) -> None: ...
    def gatts_notify(self, conn_handle: int, value_handle: int, data: ReadableBuffer | None = None, /) -> None: ...
    def gatts_indicate(self, conn_handle: int, value_handle: int, data: ReadableBuffer | None = None, /) -> None: ...
    def gatts_set_buffer(self, value_handle: int, len: int, append: bool = False, /) -> None: ...
    def gattc_discover_services(self, conn_handle: int, uuid: UUID | None = None, /) -> None: ...
    def gattc_discover_characteristics(
        self, conn_handle: int, start_handle: int, end_handle: int, uuid: UUID | None = None, /
    ) -> None: ...
    def gattc_discover_descriptors(self, conn_handle: int, start_handle: int, end_handle: int, /) -> None: ...
    def gattc_read(self, conn_handle: int, value_handle: int, /) -> None: ...
    def gattc_write(self, conn_handle: int, value_handle: int, data: ReadableBuffer, mode: int = 0, /) -> None: ...
    def gattc_exchange_mtu(self, conn_handle: int, /) -> None: ...

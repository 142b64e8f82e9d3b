# Type stubs for rtpy's `machine` (modules/mod_machine*.c; docs/python-api.md, "machine").
# Signatures follow what the C code parses: positional-only where the C takes positions only,
# keyword names as its argument specs spell them.
from typing import Callable, NoReturn, overload

from _typeshed import ReadableBuffer, WriteableBuffer

_PinId = int | str | Pin

class _PinIRQ:
    """What Pin.irq() returns: the edges watched and the edge of the last interrupt."""
    def trigger(self, trigger: int = ..., /) -> int: ...
    def flags(self) -> int: ...

class Pin:
    IN: int
    OUT: int
    OPEN_DRAIN: int
    PULL_UP: int
    PULL_DOWN: int
    IRQ_RISING: int
    IRQ_FALLING: int
    def __init__(
        self,
        id: _PinId,
        /,
        mode: int | None = -1,
        pull: int | None = -1,
        *,
        value: int | bool | None = None,
        drive: int | None = None,
        alt: int | None = None,
    ) -> None: ...
    def init(
        self,
        mode: int | None = -1,
        pull: int | None = -1,
        *,
        value: int | bool | None = None,
        drive: int | None = None,
        alt: int | None = None,
    ) -> None: ...
    @overload
    def value(self) -> int: ...
    @overload
    def value(self, x: int | bool, /) -> None: ...
    @overload
    def __call__(self) -> int: ...
    @overload
    def __call__(self, x: int | bool, /) -> None: ...
    def on(self) -> None: ...
    def off(self) -> None: ...
    def toggle(self) -> None: ...
    @property
    def id(self) -> int: ...
    def irq(
        self,
        handler: Callable[[Pin], object] | None = None,
        trigger: int = ...,
        priority: int = 1,
        wake: int | None = None,
        hard: bool = False,
    ) -> _PinIRQ: ...

class ADC:
    ATTN_0DB: int
    ATTN_2_5DB: int
    ATTN_6DB: int
    ATTN_11DB: int
    WIDTH_9BIT: int
    WIDTH_10BIT: int
    WIDTH_11BIT: int
    WIDTH_12BIT: int
    def __init__(self, pin: _PinId, *, atten: int | None = None) -> None: ...
    def read(self) -> int: ...
    def read_u16(self) -> int: ...
    def read_uv(self) -> int: ...
    def atten(self, atten: int, /) -> None: ...
    def width(self, width: int, /) -> None: ...

class Timer:
    ONE_SHOT: int
    PERIODIC: int
    def __init__(
        self,
        id: int = -1,
        /,
        *,
        mode: int = ...,
        period: int | float = -1,
        freq: int | float = -1,
        callback: Callable[[Timer], object] | None = None,
        tick_hz: int | float = 1000,
        hard: bool = False,
    ) -> None: ...
    def init(
        self,
        *,
        mode: int = ...,
        period: int | float = -1,
        freq: int | float = -1,
        callback: Callable[[Timer], object] | None = None,
        tick_hz: int | float = 1000,
        hard: bool = False,
    ) -> None: ...
    def deinit(self) -> None: ...

class UART:
    def __init__(
        self,
        id: int,
        /,
        baudrate: int = 115200,
        bits: int = 8,
        parity: int | None = None,
        stop: int = 1,
        *,
        tx: _PinId | None = None,
        rx: _PinId | None = None,
        timeout: int = 0,
        timeout_char: int = -1,
        rxbuf: int | None = None,
        txbuf: int | None = None,
    ) -> None: ...
    def init(
        self,
        baudrate: int = 115200,
        bits: int = 8,
        parity: int | None = None,
        stop: int = 1,
        *,
        tx: _PinId | None = None,
        rx: _PinId | None = None,
        timeout: int = 0,
        timeout_char: int = -1,
        rxbuf: int | None = None,
        txbuf: int | None = None,
    ) -> None: ...
    def deinit(self) -> None: ...
    def read(self, nbytes: int | None = None, /) -> bytes | None: ...
    def readline(self) -> bytes | None: ...
    def readinto(self, buf: WriteableBuffer, nbytes: int = ..., /) -> int | None: ...
    def write(self, buf: ReadableBuffer | str, /) -> int: ...
    def any(self) -> int: ...
    def flush(self) -> None: ...
    def txdone(self) -> bool: ...

class WDT:
    def __init__(self, id: int = 0, timeout: int = 5000) -> None: ...
    def feed(self) -> None: ...

class _Mem:
    """mem8 / mem16 / mem32: memory and device registers by address."""
    def __getitem__(self, addr: int, /) -> int: ...
    def __setitem__(self, addr: int, value: int, /) -> None: ...

mem8: _Mem
mem16: _Mem
mem32: _Mem

PWRON_RESET: int
HARD_RESET: int
WDT_RESET: int
DEEPSLEEP_RESET: int
SOFT_RESET: int

def reset() -> NoReturn: ...
def soft_reset() -> NoReturn: ...
def reset_cause() -> int: ...
@overload
def freq() -> int: ...
@overload
def freq(hz: int, /) -> None: ...
def unique_id() -> bytes: ...
def idle() -> None: ...
def disable_irq() -> int: ...
def enable_irq(state: int = 0, /) -> None: ...
def time_pulse_us(pin: _PinId, pulse_level: int | bool, timeout_us: int = 1000000, /) -> int: ...

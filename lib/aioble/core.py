# aioble.core: the one BLE object, the one irq handler and the waiting helpers the other parts
# share. The bluetooth module calls the handler on the dispatch thread, which may run between
# any two bytecodes of the asyncio loop's thread: the handler only stores what it got and sets
# ThreadSafeFlags (the one asyncio object that may be set from another thread).
import asyncio
import bluetooth

ble = bluetooth.BLE()

_handlers = []  # functions (event, data) -> None (not mine) or a tuple (result,)


class GattError(Exception):
    # a GATT operation failed: _status is the ATT error code (or an errno)
    def __init__(self, status):
        super().__init__(status)
        self._status = status


def register_irq_handler(fn):
    _handlers.append(fn)


def _irq(event, data):
    for fn in _handlers:
        r = fn(event, data)
        if r is not None:
            return r[0]
    return None


_active = False


def ensure_active():
    global _active
    if not _active:
        ble.irq(_irq)
        ble.active(True)
        _active = True


def config(*args, **kwargs):
    ensure_active()
    return ble.config(*args, **kwargs)


def stop():
    global _active
    _active = False
    ble.active(False)


def flag():
    return asyncio.ThreadSafeFlag()


async def _until(f, ready, conn):
    while True:
        r = ready()
        if r is not None:
            return r
        if conn is not None and not conn._connected:
            from .device import DeviceDisconnectedError

            raise DeviceDisconnectedError
        await f.wait()


async def until(f, ready, timeout_ms=None, conn=None):
    """Waits until ready() returns something other than None (and returns it), woken by the
    ThreadSafeFlag f. With conn, raises DeviceDisconnectedError when it disconnects (its
    disconnect sets f); asyncio.TimeoutError after timeout_ms (None: no limit)."""
    if conn is not None:
        conn._flags.append(f)
    try:
        if timeout_ms is None:
            return await _until(f, ready, conn)
        return await asyncio.wait_for_ms(_until(f, ready, conn), timeout_ms)
    finally:
        if conn is not None and f in conn._flags:
            conn._flags.remove(f)

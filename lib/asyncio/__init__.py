# asyncio for rtpy: MicroPython's asyncio API, scheduling as CPython's loop, running on the
# kernel (an idle loop blocks its thread and lets other threads and interrupts run).
from .core import (
    CancelledError,
    TimeoutError,
    InvalidStateError,
    Task,
    Loop,
    create_task,
    current_task,
    ensure_future,
    get_event_loop,
    get_running_loop,
    new_event_loop,
    run,
    sleep,
    sleep_ms,
)

_lazy = {
    "wait_for": "funcs",
    "wait_for_ms": "funcs",
    "gather": "funcs",
    "Event": "event",
    "ThreadSafeFlag": "event",
    "Lock": "lock",
}


def __getattr__(name):
    # the less used parts load on first use, to keep RAM free
    sub = _lazy.get(name)
    if sub is None:
        raise AttributeError("module 'asyncio' has no attribute '%s'" % name)
    mod = __import__("asyncio." + sub, None, None, [name])
    value = getattr(mod, name)
    globals()[name] = value
    return value

# asyncio: Lock (a task waiting for it is woken in arrival order).
from . import core


class Lock:
    def __init__(self):
        self._locked = False
        self._waiting = []

    def locked(self):
        return self._locked

    async def acquire(self):
        if self._locked or self._waiting:
            me = core.current_task()
            self._waiting.append(me)
            try:
                await me._park(lambda: me in self._waiting and self._waiting.remove(me))
            except core.CancelledError:
                # woken with the lock handed over, then cancelled before it ran: pass it on
                if self._locked and self._owner_pending is me:
                    self._owner_pending = None
                    self._release()
                raise
            self._owner_pending = None
            return True
        self._locked = True
        return True

    _owner_pending = None

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock not acquired")
        self._release()

    def _release(self):
        if self._waiting:
            t = self._waiting.pop(0)  # the lock goes straight to it
            self._owner_pending = t
            t._wake(True)
        else:
            self._locked = False

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, *exc):
        self.release()

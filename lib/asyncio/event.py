# asyncio: Event (between tasks) and ThreadSafeFlag (set from another thread or an
# interrupt handler, waited on by one task).
from . import core


class Event:
    def __init__(self):
        self._set = False
        self._waiting = []

    def is_set(self):
        return self._set

    def set(self):
        self._set = True
        waiting, self._waiting = self._waiting, []
        for t in waiting:
            t._wake(True)

    def clear(self):
        self._set = False

    async def wait(self):
        if not self._set:
            me = core.current_task()
            self._waiting.append(me)
            await me._park(lambda: me in self._waiting and self._waiting.remove(me))
        return True


class ThreadSafeFlag:
    # set() does no allocation, so a hard interrupt handler may call it
    def __init__(self):
        self._flag = False
        self._task = None
        self._loop = None

    def set(self):
        self._flag = True
        loop = self._loop
        if loop is not None:
            loop._wake.release()

    def clear(self):
        self._flag = False

    def _poll(self, loop):
        if self._flag:
            self._flag = False
            t = self._task
            self._task = None
            loop._flags.remove(self)
            t._wake(None)

    def _leave(self):
        self._task = None
        if self in self._loop._flags:
            self._loop._flags.remove(self)

    async def wait(self):
        if self._flag:
            self._flag = False
            return
        if self._task is not None:
            raise RuntimeError("ThreadSafeFlag: another task is waiting")
        me = core.current_task()
        self._task = me
        self._loop = me._loop
        me._loop._flags.append(self)
        if self._flag:  # set() by another thread before it could see the loop to wake
            self._flag = False
            self._leave()
            return
        await me._park(self._leave)

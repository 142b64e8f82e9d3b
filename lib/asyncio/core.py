# asyncio core: the event loop, tasks and sleeping, on the kernel.
#
# A coroutine talks to the loop by what its innermost awaitable yields: None means "run me
# again soon" (sleep(0)); _PARK means "I have arranged to be woken" (by a timer, an Event, a
# Lock, another task finishing). While no task is ready the loop blocks its kernel thread
# on a semaphore with the time to the next timer as timeout, which releases the interpreter
# lock: other Python threads and interrupt handlers run, and ThreadSafeFlag.set() (from a
# thread or an interrupt) wakes the loop through the same semaphore.
#
# Scheduling follows CPython's loop so programs print in the same order: each turn runs the
# callbacks that were ready when the turn started; what they make ready runs next turn.
import time
import rtos
from time import ticks_ms, ticks_add, ticks_diff

_PARK = object()


class CancelledError(BaseException):
    pass


TimeoutError = TimeoutError  # asyncio.TimeoutError is the built-in one, as in CPython 3.11


class InvalidStateError(Exception):
    pass


def _ms(seconds):
    if seconds <= 0:
        return 0
    return int(seconds * 1000 + 0.5) or 1


class _Park:
    # awaiting it parks the current task until someone reschedules it
    def __await__(self):
        return (yield _PARK)


class _Yield:
    def __await__(self):
        yield


class Handle:
    __slots__ = ("fn", "args", "cancelled", "when", "seq")

    def __init__(self, fn, args):
        self.fn = fn
        self.args = args
        self.cancelled = False
        self.when = 0
        self.seq = 0

    def cancel(self):
        self.cancelled = True


# ---- the timer heap: [when (ticks_ms), seq, handle], ordered by time then by arrival --------
def _before(a, b):
    d = ticks_diff(a[0], b[0])
    return d < 0 or (d == 0 and a[1] < b[1])


def _heap_push(h, item):
    h.append(item)
    i = len(h) - 1
    while i:
        p = (i - 1) >> 1
        if not _before(item, h[p]):
            break
        h[i] = h[p]
        i = p
    h[i] = item


def _heap_pop(h):
    last = h.pop()
    if not h:
        return last
    top = h[0]
    n = len(h)
    i = 0
    while True:
        c = 2 * i + 1
        if c >= n:
            break
        if c + 1 < n and _before(h[c + 1], h[c]):
            c += 1
        if not _before(h[c], last):
            break
        h[i] = h[c]
        i = c
    h[i] = last
    return top


class Loop:
    def __init__(self):
        self._ready = []
        self._timers = []
        self._seq = 0
        self._wake = rtos.Semaphore(0)
        self._flags = []  # ThreadSafeFlags with a waiting task
        self._stopping = False
        self._closed = False
        self._handler = None
        self._tasks = []  # unfinished tasks, for asyncio.run's clean-up

    # --- scheduling -------------------------------------------------------------------------
    def call_soon(self, fn, *args):
        h = Handle(fn, args)
        self._ready.append(h)
        return h

    def call_later(self, delay, fn, *args):
        return self._call_at_ms(ticks_add(ticks_ms(), _ms(delay)), fn, args)

    def _call_at_ms(self, when, fn, args):
        h = Handle(fn, args)
        h.when = when
        self._seq += 1
        h.seq = self._seq
        _heap_push(self._timers, [when, self._seq, h])
        return h

    def time(self):
        return ticks_ms() / 1000

    # --- tasks ------------------------------------------------------------------------------
    def create_task(self, coro):
        if not hasattr(coro, "send"):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        return Task(coro, self)

    # --- running ----------------------------------------------------------------------------
    def _turn(self):
        timers = self._timers
        if not self._ready:
            if timers:
                timeout = max(0, ticks_diff(timers[0][0], ticks_ms()))
            elif self._flags:
                timeout = -1  # only a ThreadSafeFlag can wake us: wait for ever
            else:
                return False  # nothing can ever run again
            self._wake.acquire(timeout)
        for f in self._flags[:]:
            f._poll(self)
        now = ticks_ms()
        while timers and ticks_diff(timers[0][0], now) <= 0:
            h = _heap_pop(timers)[2]
            if not h.cancelled:
                self._ready.append(h)
        ready = self._ready
        self._ready = []
        for h in ready:
            if not h.cancelled:
                h.fn(*h.args)
        return True

    def run_until_complete(self, aw):
        task = aw if isinstance(aw, Task) else self.create_task(aw)
        task._retrieved = True  # its exception is raised here: not a lost one
        self._check_running()
        global _running
        _running = self
        try:
            while not task._done:
                if not self._turn():
                    raise RuntimeError("no task can run: the loop would wait for ever")
                if self._stopping and not task._done:
                    raise RuntimeError("Event loop stopped before Future completed.")
        finally:
            _running = None
            self._stopping = False
        return task.result()

    def run_forever(self):
        self._check_running()
        global _running
        _running = self
        try:
            while not self._stopping and self._turn():
                pass
        finally:
            _running = None
            self._stopping = False

    def _check_running(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if _running is not None:
            raise RuntimeError("This event loop is already running")

    def stop(self):
        self._stopping = True

    def close(self):
        self._closed = True

    def is_running(self):
        return _running is self

    def is_closed(self):
        return self._closed

    # --- errors -----------------------------------------------------------------------------
    def set_exception_handler(self, handler):
        self._handler = handler

    def get_exception_handler(self):
        return self._handler

    def default_exception_handler(self, context):
        import sys

        print(context.get("message", "Unhandled exception in event loop"))
        exc = context.get("exception")
        if exc is not None:
            sys.print_exception(exc)

    def call_exception_handler(self, context):
        (self._handler or Loop.default_exception_handler)(self, context)


class Task:
    def __init__(self, coro, loop):
        self._coro = coro
        self._loop = loop
        self._done = False
        self._result = None
        self._exc = None
        self._cancel_pending = False
        self._waiters = []  # callbacks (fn, arg) to schedule when done
        self._unpark = None  # while parked: takes it out of what it waits in (for cancel)
        self._awaiting = None  # the task it awaits: cancel() is passed on to it
        self._retrieved = False
        loop._tasks.append(self)
        loop.call_soon(self._step, None, None)

    def _step(self, value, exc):
        if self._done:
            return
        global _current
        if self._cancel_pending and exc is None:
            exc = CancelledError()
        self._cancel_pending = False
        prev = _current
        _current = self
        try:
            if exc is not None:
                got = self._coro.throw(exc)
            else:
                got = self._coro.send(value)
        except StopIteration as e:
            self._finish(e.value, None)
        except CancelledError as e:
            self._finish(None, e)
        except (KeyboardInterrupt, SystemExit):
            self._finish(None, CancelledError())
            raise
        except BaseException as e:
            self._finish(None, e)
        else:
            if got is None:
                self._loop.call_soon(self._step, None, None)
            elif got is _PARK:
                if self._cancel_pending:  # cancelled while it ran: do not wait
                    self._cancel_pending = False
                    self.cancel()
            else:
                self._loop.call_soon(
                    self._step, None, RuntimeError("Task got bad yield: %r" % (got,))
                )
        finally:
            _current = prev

    def _finish(self, result, exc):
        self._done = True
        self._result = result
        self._exc = exc
        self._coro = None
        tasks = self._loop._tasks
        if self in tasks:
            tasks.remove(self)
        for fn, arg in self._waiters:
            self._loop.call_soon(fn, arg)
        if (
            exc is not None
            and not self._waiters
            and not isinstance(exc, CancelledError)
            and not self._retrieved
        ):
            self._loop.call_exception_handler(
                {"message": "Task exception wasn't retrieved", "exception": exc, "future": self}
            )
        self._waiters = None

    # the current task waits until something calls _wake (or cancel, which calls unpark)
    def _park(self, unpark):
        self._unpark = unpark
        return _Park()

    def _wake(self, value=None):
        self._unpark = None
        self._loop.call_soon(self._step, value, None)

    # --- public -----------------------------------------------------------------------------
    def done(self):
        return self._done

    def cancelled(self):
        return self._done and isinstance(self._exc, CancelledError)

    def result(self):
        if not self._done:
            raise InvalidStateError("Result is not set.")
        self._retrieved = True
        if self._exc is not None:
            raise self._exc
        return self._result

    def exception(self):
        if not self._done:
            raise InvalidStateError("Exception is not set.")
        self._retrieved = True
        if isinstance(self._exc, CancelledError):
            raise self._exc
        return self._exc

    def cancel(self, msg=None):
        if self._done:
            return False
        # as CPython: a task awaiting another task cancels that one and goes on waiting for
        # it (which may refuse the cancellation and return normally)
        if self._awaiting is not None and self._awaiting.cancel(msg):
            return True
        unpark = self._unpark
        if unpark is not None:
            self._unpark = None
            unpark()
            exc = CancelledError() if msg is None else CancelledError(msg)
            self._loop.call_soon(self._step, None, exc)
        else:
            self._cancel_pending = True  # ready or running: thrown at its next step
        return True

    def add_done_callback(self, fn):
        if self._done:
            self._loop.call_soon(fn, self)
        else:
            self._waiters.append((fn, self))

    def __await__(self):
        if not self._done:
            me = _current
            if me is None:
                raise RuntimeError("await outside a task")
            entry = (Task._wake, me)
            self._waiters.append(entry)
            me._awaiting = self
            try:
                yield from me._park(lambda: self._waiters and self._waiters.remove(entry)).__await__()
            finally:
                me._awaiting = None
        return self.result()

    __iter__ = __await__


_running = None
_current = None
_loop = None


def get_event_loop():
    global _loop
    if _loop is None or _loop._closed:
        _loop = Loop()
    return _loop


def new_event_loop():
    global _loop
    _loop = Loop()
    return _loop


def get_running_loop():
    if _running is None:
        raise RuntimeError("no running event loop")
    return _running


def current_task():
    if _current is None:
        raise RuntimeError("no running event loop")
    return _current


def create_task(coro):
    return get_running_loop().create_task(coro)


def ensure_future(aw):
    if isinstance(aw, Task):
        return aw
    return create_task(aw)


async def sleep_ms(ms, result=None):
    if ms <= 0:
        await _Yield()
        return result
    me = _current
    timer = me._loop._call_at_ms(ticks_add(ticks_ms(), int(ms)), me._wake, ())
    await me._park(timer.cancel)
    return result


async def sleep(delay, result=None):
    return await sleep_ms(_ms(delay), result)


def run(main):
    loop = new_event_loop()
    try:
        return loop.run_until_complete(main)
    finally:
        # as CPython: cancel what is left and let it finish
        left = [t for t in loop._tasks if not t._done]
        for t in left:
            t.cancel()
        while left and not all(t._done for t in left) and loop._turn():
            pass
        loop.close()

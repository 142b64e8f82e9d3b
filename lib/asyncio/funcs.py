# asyncio: wait_for and gather.
from . import core


async def wait_for(aw, timeout):
    task = core.ensure_future(aw)
    if timeout is None:
        return await task
    timed_out = False

    def expire():
        nonlocal timed_out
        if not task.done():
            timed_out = True
            task.cancel()

    timer = core.get_running_loop().call_later(timeout, expire)
    try:
        return await task
    except core.CancelledError:
        if timed_out:
            raise core.TimeoutError from None
        task.cancel()  # we were cancelled ourselves: so is what we waited for
        raise
    finally:
        timer.cancel()


def wait_for_ms(aw, timeout):
    return wait_for(aw, None if timeout is None else timeout / 1000)


async def gather(*aws, return_exceptions=False):
    tasks = [core.ensure_future(a) for a in aws]
    results = []
    try:
        for t in tasks:
            try:
                results.append(await t)
            except core.CancelledError as e:
                if not t.cancelled():
                    raise  # gather itself was cancelled
                if not return_exceptions:
                    raise
                results.append(e)
            except Exception as e:
                if not return_exceptions:
                    raise
                results.append(e)
    except core.CancelledError:
        for t in tasks:
            t.cancel()
        raise
    return results

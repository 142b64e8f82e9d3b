# The loop object: run_until_complete, call_soon/call_later ordering, stop/run_forever.
import asyncio


def cb(log, x):
    log.append(x)


async def main(log):
    loop = asyncio.get_running_loop()
    loop.call_later(0.02, cb, log, "later 2")
    loop.call_later(0.01, cb, log, "later 1")
    loop.call_soon(cb, log, "soon")
    h = loop.call_later(0.015, cb, log, "never")
    h.cancel()
    await asyncio.sleep(0.05)
    return log


loop = asyncio.new_event_loop()
print(loop.run_until_complete(main([])))
loop.call_soon(loop.stop)
loop.run_forever()
print("stopped", loop.is_running())
loop.close()
print(loop.is_closed())

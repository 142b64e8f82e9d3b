# asyncio.ThreadSafeFlag set by another kernel thread at each microsecond of a task's first
# wait(): the task must wake at once, not at the loop's next timer. A set() that came while
# wait() was registering the flag used to wake no loop, and the task slept until the 1 s
# timer (in virtual time the sweep hits that window at one delay: 240 us when found).
import asyncio
import rtos
import time


def setter(flag, delay_us):
    time.sleep_us(delay_us)
    flag.set()


async def ticker():
    await asyncio.sleep(1)


async def probe(delay_us):
    flag = asyncio.ThreadSafeFlag()
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    rtos.Thread(setter, (flag, delay_us), priority=20)
    t0 = time.ticks_us()
    await flag.wait()
    return time.ticks_diff(time.ticks_us(), t0)


worst = max((asyncio.run(probe(d)), d) for d in range(400))
print("woken within 10 ms:", worst[0] < 10000)

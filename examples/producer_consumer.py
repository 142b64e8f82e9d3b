# A producer and a consumer thread connected by an rtos.Queue, with priorities: the
# consumer is more urgent, so it takes each item the moment it is put; it is also slower,
# so the queue fills up and the producer blocks in put() until there is room (the kernel
# wakes it when the consumer takes an item). Times are virtual, so the output is the same
# on every run.
#
#   build/host/rtpy examples/producer_consumer.py
import time

import rtos

queue = rtos.Queue(3)


def producer(count: int) -> None:
    for i in range(count):
        t0 = time.ticks_ms()
        queue.put(i)  # blocks while the queue is full
        waited = time.ticks_diff(time.ticks_ms(), t0)
        note = "  (waited %d ms for room)" % waited if waited else ""
        print("%4d ms  produced %d%s" % (time.ticks_ms(), i, note))
        time.sleep_ms(10)  # a new reading every 10 ms
    queue.put(None)  # end of the stream


def consumer() -> None:
    while True:
        item = queue.get()
        if item is None:
            break
        print("%4d ms      consumed %d, %d waiting" % (time.ticks_ms(), item, queue.qsize()))
        time.sleep_ms(25)  # processing takes longer than producing


p = rtos.Thread(producer, args=(8,), priority=8, name="producer")
c = rtos.Thread(consumer, priority=12, name="consumer")
p.join()
c.join()
print("%4d ms  done" % time.ticks_ms())

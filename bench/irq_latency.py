# Benchmark (not a test) of rtpy's Python-level real-time figures in virtual time, where every
# bytecode costs 100 ns and each kernel call 200 ns, so the figures are exact and the same on
# every run:
#  1. interrupt -> first bytecode of a soft handler (queued to the dispatch thread), with the
#     main thread idle (sleeping) and busy (running bytecodes, holding the interpreter lock);
#  2. thread switch cost: an rtos.Queue ping-pong between two threads, per round trip, against
#     the same queue operations without a switch.
#
#   make bench-sim      (runs build/host/rtpy --board=bench/irq_latency.board bench/irq_latency.py)
import time

import rtos
from machine import Pin

EDGE_PERIOD_NS = 10000000  # the scenario's edges: every 10 ms from 10 ms (and from 2 s)
tn = time.time_ns

# The handler reads the clock with its first two bytecodes (LOAD_GLOBAL tn; CALL). What a
# reading costs after the bytecode that starts it, measured in straight-line code: b - a is
# STORE_NAME a, LOAD_NAME tn and CALL up to the reading, so the handler's part is one less.
a = tn()
b = tn()
READ_NS = (b - a) - 100


def epoch_exact():
    # virtual time 0 exactly: a hard handler runs at the edge, so its reading is the edge time
    stamp = [0]

    def hard(p):
        stamp[0] = tn()

    p = Pin(4, Pin.IN)
    p.irq(hard, hard=True)
    while stamp[0] == 0:
        time.sleep_ms(1)
    p.irq(None)
    return stamp[0] - 10000000  # the first edge is at 10 ms


def soft_latency(busy, count, first_edge_ns):
    stamps = []

    def handler(p):
        stamps.append(tn())

    p = Pin(4, Pin.IN)
    p.irq(handler)
    if busy:
        while len(stamps) < count:  # bytecodes, never blocking: the handler must preempt
            pass
    else:
        while len(stamps) < count:
            time.sleep_ms(5)
    p.irq(None)
    lat = []
    for k, t in enumerate(stamps):
        edge = first_edge_ns + k * EDGE_PERIOD_NS
        lat.append(t - edge - READ_NS)
    return lat


def report(what, lat):
    lo, hi, mean = min(lat), max(lat), sum(lat) / len(lat)
    print("  %-34s %5.0f ns  (%4.1f bytecode times; min %d, max %d ns, %d edges)"
          % (what, mean, mean / 100, lo, hi, len(lat)))


print("rtpy in virtual time: 100 ns a bytecode, 200 ns a kernel call")
print("(a handler's clock reading costs %d ns after its first bytecode: subtracted below)" % READ_NS)
print("interrupt -> first bytecode of the soft handler:")
zero = epoch_exact()
edges_seen = 1
idle = soft_latency(False, 48, zero + (edges_seen + 1) * EDGE_PERIOD_NS)
report("main thread idle (sleeping)", idle)
while time.ticks_ms() < 1990:
    time.sleep_ms(10)
busy = soft_latency(True, 100, zero + 2000 * 1000000)
report("main thread busy (bytecode loop)", busy)
print("  hard handlers run at the interrupt itself: 0 ns")

# ---- thread switches through rtos.Queue -------------------------------------------------------
N = 2000
ping = rtos.Queue(1)
pong = rtos.Queue(1)


def echo():
    for i in range(N):
        pong.put(ping.get())


t = rtos.Thread(echo, priority=rtos.PRIORITY_DEFAULT + 1)
t0 = tn()
for i in range(N):
    ping.put(i)
    pong.get()
round_trip = (tn() - t0) / N
t.join()

q = rtos.Queue(1)
t0 = tn()
for i in range(N):
    q.put(i)
    q.get()
same_thread = (tn() - t0) / N
print("rtos.Queue ping-pong between two threads (%d round trips):" % N)
print("  %-34s %5.0f ns  (%4.1f bytecode times)" % ("round trip, two switches", round_trip, round_trip / 100))
print("  %-34s %5.0f ns  (%4.1f bytecode times)" % ("same put+get, no switch", same_thread, same_thread / 100))
print("  %-34s %5.0f ns  (%4.1f bytecode times)" % ("one thread switch", (round_trip - same_thread) / 2,
                                                   (round_trip - same_thread) / 200))

# bench/gc/irq.py: on the board (bench/gc/board.py), what an interrupt sees while the collector
# runs. machine.Timer(0) (the CMSDK TIMER0, counting down at 25 MHz: 40 instructions a count
# under -icount shift=0, reloading at the interrupt) fires every millisecond with a hard
# handler, whose first bytecodes read how long ago the interrupt came (as
# bench/target/irq_soft.py). The main thread first sleeps, then runs full collections back to
# back over a heap about half full. The driver sets ARGS before this source.
import gc
import machine
import time

mem32 = machine.mem32
VALUE = 0x40000004
RELOAD = 0x40000008
NS = 40  # per count
N = 200

got = [0] * N  # preallocated: a hard handler may not allocate
st = [0]


def handler(t):
    v = mem32[VALUE]  # first bytecodes
    i = st[0]
    if i < N:
        got[i] = v
        st[0] = i + 1


def fill():
    # linked records until the heap is about half full
    keep = []
    gc.collect()
    while gc.mem_alloc() < (gc.mem_alloc() + gc.mem_free()) // 2:
        prev = None
        for i in range(16):
            prev = ["r%d" % i, i * 0.5, (i, prev), {"k": i}]
        keep.append(prev)
        gc.collect()
    return keep


def run(collecting):
    st[0] = 0
    tim = machine.Timer(0, mode=machine.Timer.PERIODIC, period=1, callback=handler, hard=True)
    spans = 0
    while st[0] < N:
        if collecting:
            gc.collect()
            spans += 1
        else:
            time.sleep_ms(1)
    tim.deinit()
    reload = mem32[RELOAD]
    s = sorted([(reload - v + 1) * NS for v in got[1:]])
    return s, spans


keep = fill()
a = gc.mem_alloc()
print("irq_heap", a + gc.mem_free(), "live", a)
t0 = time.ticks_us()
gc.collect()
print("irq_collect_us", time.ticks_diff(time.ticks_us(), t0))
for collecting in (False, True):
    s, spans = run(collecting)
    print("irq_hard_%s" % ("collecting" if collecting else "sleeping"), s[0], s[len(s) // 2], s[-1],
          "collections", spans)
print("irq_ok", len(keep))

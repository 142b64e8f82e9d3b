# Run on the board by bench/target/python.py: interrupt -> first bytecode of a Python soft
# handler, in instructions (-icount shift=0). machine.Timer(0) is the CMSDK TIMER0, counting
# down at 25 MHz (40 instructions a count) and reloading at the interrupt, so the handler's
# first bytecodes read how long ago the interrupt came: RELOAD - VALUE counts.
import machine
import time

mem32 = machine.mem32
VALUE = 0x40000004
RELOAD = 0x40000008
NS = 40  # per count


def run(busy, n):
    got = []

    def handler(t):
        v = mem32[VALUE]  # first bytecodes: LOAD_GLOBAL mem32, LOAD_GLOBAL VALUE, SUBSCR
        got.append(v)

    tim = machine.Timer(0, mode=machine.Timer.PERIODIC, period=5, callback=handler)
    if busy:
        x = 0
        while len(got) < n:
            x += 1
    else:
        while len(got) < n:
            time.sleep_ms(1)
    tim.deinit()
    reload = mem32[RELOAD]
    return [(reload - v + 1) * NS for v in got[1:]]


# The same read in straight-line code, on the timer running: what the handler's first
# bytecodes cost up to the register read. Between the two reads run STORE_FAST and the same
# three bytecodes, so the difference is that cost to within a STORE_FAST.
def calibrate():
    a = mem32[VALUE]
    b = mem32[VALUE]
    return (a - b) * NS


tim = machine.Timer(0, mode=machine.Timer.ONE_SHOT, period=1000, callback=lambda t: None)
cal = min(calibrate() for _ in range(20))
tim.deinit()
for busy in (False, True):
    s = run(busy, 40)
    s.sort()
    print("irq_soft_%s %d %d %d" % ("busy" if busy else "idle", s[0] - cal, s[len(s) // 2] - cal, s[-1] - cal))
print("irq_soft_read_cost", cal)

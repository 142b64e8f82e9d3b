# bench/gc/pause_latency.py: the latency phases of bench/gc/pause.py (imported only when they
# run, so that the 64 KiB heap holds as little code as possible). See pause.py.
import gc
import time

PERIOD_US = 1000  # the probe's period
PHASE_MS = 1500  # each phase; pause.py sets it


def median(xs):
    s = sorted(xs)
    return s[len(s) // 2]


# ---- the high-priority thread ---------------------------------------------------------------
# Times are microseconds since the phase began (ticks_diff against t0: small ints, so recording
# them allocates nothing).
class Probe:
    def __init__(self, n):
        self.due = [0] * n  # when each wake-up was due
        self.late = [0] * n  # how late it ran
        self.n = 0
        self.missed = 0
        self.t0 = 0
        self.run = False


def probe_body(p, go, finished):
    due, late = p.due, p.late
    cap = len(late)
    while True:
        go.acquire()
        if not p.run:
            break
        p.n = 0
        p.missed = 0
        t0 = p.t0
        nxt = time.ticks_add(time.ticks_us(), PERIOD_US)
        while p.run and p.n < cap:
            d = time.ticks_diff(nxt, time.ticks_us())
            if d > 0:
                time.sleep_us(d)
            lt = time.ticks_diff(time.ticks_us(), nxt)
            due[p.n] = time.ticks_diff(nxt, t0)
            late[p.n] = lt
            p.n += 1
            if lt >= PERIOD_US:  # periods lost: pick up the schedule from now
                p.missed += lt // PERIOD_US
                nxt = time.ticks_add(nxt, (lt // PERIOD_US) * PERIOD_US)
            nxt = time.ticks_add(nxt, PERIOD_US)
        finished.release()


def junk(x):
    # garbage of the live structure's mix
    return [("g", x, float(x), [x, str(x)], {"a": x}) for _ in range(20)]


def phase(p, go, finished, allocate, every):
    """The main thread's load for PHASE_MS while the probe runs: counting (allocate False), or
    allocating garbage and collecting every `every` rounds, each collection's span recorded.
    Returns the probe's figures and the spans."""
    spans_start, spans_end = [0] * 4096, [0] * 4096
    ns = 0
    p.t0 = t0 = time.ticks_us()
    p.run = True
    go.release()
    x = 0
    rounds = 0
    while time.ticks_diff(time.ticks_us(), t0) < PHASE_MS * 1000:
        if allocate:
            junk(x)
            x += 1
            rounds += 1
            if rounds == every and ns < len(spans_start):
                rounds = 0
                a = time.ticks_diff(time.ticks_us(), t0)
                gc.collect()
                spans_start[ns] = a
                spans_end[ns] = time.ticks_diff(time.ticks_us(), t0)
                ns += 1
        else:
            k = 0
            while k < 100:  # small ints only: nothing allocated, no collection
                k += 1
            x += k
    p.run = False
    finished.acquire()
    return p.due[: p.n], p.late[: p.n], p.missed, spans_start[:ns], spans_end[:ns]


def during(due, late, s, e):
    """Splits the wake-ups by whether a collection was under way when they fell due: returns
    ([(lateness, time left in that collection)], [lateness of the others])."""
    hit, other = [], []
    j = 0
    for i in range(len(due)):
        while j < len(s) and e[j] <= due[i]:
            j += 1
        if j < len(s) and s[j] <= due[i] < e[j]:
            hit.append((late[i], e[j] - due[i]))
        else:
            other.append(late[i])
    return hit, other


def start():
    """Creates the probe thread (before the heap is filled: its Python stack is in the heap)."""
    import rtos

    probe = Probe(PHASE_MS * 1000 // PERIOD_US + 16)
    go, finished = rtos.Semaphore(0), rtos.Semaphore(0)
    th = rtos.Thread(probe_body, (probe, go, finished), priority=rtos.PRIORITY_DEFAULT + 10,
                     name="probe")
    return probe, go, finished, th


def stop(h):
    probe, go, finished, th = h
    probe.run = False
    go.release()
    th.join()


def run(h):
    probe, go, finished, th = h
    # garbage per round, to collect before the automatic collection would (all collections
    # of the gc phase are then explicit and timed)
    gc.collect()
    a0 = gc.mem_alloc()
    junk(0)
    per_round = max(gc.mem_alloc() - a0, 16)
    free = gc.mem_free()
    every = max(1, free // 2 // per_round)
    old = gc.threshold()
    gc.threshold(-1)
    for name, allocate in (("idle", False), ("gc", True)):
        due, late, missed, s, e = phase(probe, go, finished, allocate, every)
        if len(late) < 10:
            raise RuntimeError("the probe ran only %d times" % len(late))
        srt = sorted(late)
        print("latency", name, "wakeups", len(late), "median_us", median(late), "p99_us",
              srt[len(srt) * 99 // 100], "max_us", srt[-1], "missed", missed)
        if allocate:
            if not s:
                raise RuntimeError("no collection in the gc phase")
            d = [e[k] - s[k] for k in range(len(s))]
            print("phase_collect", "count", len(d), "median_us", median(d), "max_us", max(d),
                  "every_rounds", every)
            hit, other = during(due, late, s, e)
            # A span runs from the clock read before gc.collect() to the one after it; the
            # probe takes over at the first bytecode boundary after the collection, before
            # the main thread reads the clock again, so a wake-up due in a span runs at
            # about its end (or, if it was due just before the collection began, at once).
            if hit:
                worst = max(hit)
                print("during_collect", "wakeups", len(hit), "max_late_us", worst[0],
                      "span_left_us", worst[1])
            else:
                print("during_collect", "wakeups", 0)
            if other:
                print("outside_collect", "wakeups", len(other), "max_late_us", max(other))
    gc.threshold(old if old > 0 else -1)

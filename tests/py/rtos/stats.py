# Checks: rtos.stats() lists every kernel thread (Python threads, the kernel's idle and timer
# threads) with name, priority, state, cpu_us, stack_used and stack_size.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit
import time

ev = rtos.EventFlags()
t = rtos.Thread(lambda: ev.wait(1), name="waiter", priority=7)
st = rtos.stats()
print(sorted(st[0].keys()))
by_name = {d["name"]: d for d in st}
print(sorted(by_name))
print(by_name["main"]["state"], by_name["main"]["priority"])
print(by_name["waiter"]["state"], by_name["waiter"]["priority"])  # not run yet
time.sleep_ms(1)
print([d["state"] for d in rtos.stats() if d["name"] == "waiter"])
print(all(d["stack_used"] <= d["stack_size"] for d in st))
ev.set(1)
t.join()
print("waiter" in [d["name"] for d in rtos.stats()])

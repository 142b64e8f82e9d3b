# Checks: threads of _thread inherit their creator's priority: started from an rtos.Thread of
# priority 15, the new thread preempts a main thread of priority 10 as soon as it is ready.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import _thread
import time

log = []


def child():
    log.append(("child", rtos.current().priority))


def parent():
    _thread.start_new_thread(child, ())
    log.append("parent blocks")
    time.sleep_ms(1)


rtos.Thread(parent, priority=15)
log.append("main")
print(log)

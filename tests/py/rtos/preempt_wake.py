# Checks: a higher-priority thread woken by a non-blocking call of a lower one (Semaphore.
# release, EventFlags.set, Queue.put_nowait, Mutex.release) runs its next bytecode before
# the lower one runs another: the flag it sets is already visible on the very next line.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

flag = [0]
s = rtos.Semaphore(0)
e = rtos.EventFlags()
q = rtos.Queue(1)
m = rtos.Mutex()


def on_sem():
    s.acquire()
    flag[0] = 1


def on_event():
    e.wait(1)
    flag[0] = 2


def on_queue():
    q.get()
    flag[0] = 3


def on_mutex():
    m.acquire()
    flag[0] = 4
    m.release()


rtos.Thread(on_sem, priority=12)
s.release()
v1 = flag[0]
rtos.Thread(on_event, priority=12)
e.set(1)
v2 = flag[0]
rtos.Thread(on_queue, priority=12)
q.put_nowait("x")
v3 = flag[0]
m.acquire()
rtos.Thread(on_mutex, priority=12)
v4a = flag[0]
m.release()
v4 = flag[0]
print(v1, v2, v3, v4a, v4)

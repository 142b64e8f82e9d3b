# Checks: two threads exchanging items through two queues (blocking get on both sides), and
# a consumer of higher priority taking each item as soon as it is put.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

ping = rtos.Queue(1)
pong = rtos.Queue(1)
log = []


def player():
    while True:
        n = ping.get()
        if n is None:
            break
        log.append("got %d" % n)
        pong.put(n * 10)


t = rtos.Thread(player, priority=12)
for i in range(3):
    log.append("put %d" % i)
    ping.put(i)
    log.append("reply %d" % pong.get())
ping.put(None)
t.join()
print(log)

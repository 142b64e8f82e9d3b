# Checks: rtos.Thread runs target(*args, **kwargs) at once, default names Thread-N (N counts
# up), custom
# names, join() returning True, is_alive() before and after, repr of a stopped thread.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import time

out = []


def work(a, b, c=0):
    time.sleep_ms(5)
    out.append(a + b + c)


t1 = rtos.Thread(work, args=(1, 2), kwargs={"c": 3})
t2 = rtos.Thread(work, (10, 20), name="adder")
print(t1.name[:7], t2.name, t1.priority, int(t1.name[7:]) > 0)
print(t1.is_alive(), t2.is_alive())
print(t1.join(), t2.join())
print(t1.is_alive(), t2.is_alive())
print(out)
print(repr(t2))
t3 = rtos.Thread(target=lambda: None)
print(t3.name[:7], int(t3.name[7:]) == int(t1.name[7:]) + 1)
t3.name = "renamed"
print(t3.name, t3.join(timeout_ms=100))

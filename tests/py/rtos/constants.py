# Checks: rtos priority constants, the main thread's record (rtos.current), and the exception
# hierarchy (Timeout is a TimeoutError; Full and Empty are Timeouts).
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

print(rtos.PRIORITY_MIN, rtos.PRIORITY_DEFAULT, rtos.PRIORITY_MAX)
me = rtos.current()
print(me.name, me.priority, me.is_alive())
print(me is rtos.current())
print(issubclass(rtos.Timeout, TimeoutError), issubclass(rtos.Full, rtos.Timeout),
      issubclass(rtos.Empty, rtos.Timeout))
try:
    me.join()
except RuntimeError as e:
    print("RuntimeError", e)

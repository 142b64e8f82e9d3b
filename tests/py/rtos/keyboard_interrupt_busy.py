# Checks: KeyboardInterrupt from --run-for reaches a main thread busy in a bytecode loop at
# the exact virtual time; uncaught, it ends the program with exit code 1 after the output.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import time

n = 0
try:
    while True:
        n += 1
finally:
    print("interrupted at", time.ticks_us())
print("not reached")

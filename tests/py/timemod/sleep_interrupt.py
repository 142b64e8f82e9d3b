# Checks: KeyboardInterrupt (--run-for=MS) ends a long time.sleep at exactly MS: the handler
# reads the clock 2 us later (the bytecodes and kernel calls in between).
try:
    import time
    time.ticks_ms
except AttributeError:
    print("SKIP")
    raise SystemExit

try:
    time.sleep(100)
except KeyboardInterrupt:
    print("sleep interrupted at", time.ticks_us())

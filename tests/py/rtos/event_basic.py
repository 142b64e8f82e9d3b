# Checks: rtos.EventFlags set (returns the flags after), clear (returns them before), get;
# wait for any or all bits, with or without clearing, polling (timeout_ms=0 returns 0 when
# the condition does not hold), all 32 bits, and bad bit masks.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit

e = rtos.EventFlags()
print(e.get(), e.set(0b101), e.get())
print(e.wait(0b100), e.get())  # any, clearing the matched bit
print(e.wait(0b011, timeout_ms=0), e.get())
e.set(0b010)
print(e.wait(0b011, all=True, timeout_ms=0), e.get())  # not all: nothing cleared
e.set(0b001)
print(e.wait(0b011, all=True, clear=False), e.get())
print(e.clear(0b001), e.get())
print(e.wait(0b1000, timeout_ms=0))
print(e.set(1 << 31), e.wait(1 << 31))  # bit 31 too (not a small int on a 32-bit board)
for bad in (0, -1, 1 << 32):
    try:
        e.wait(bad) if bad == 0 else e.set(bad)
    except ValueError as x:
        print("ValueError", x)

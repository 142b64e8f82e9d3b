# machine.mem8/16/32 on the host: there is no raw memory to reach, so every address is a
# ValueError (never a crash); wrong types are TypeErrors. (On the board: bench/target/irq_soft.py.)
import machine

print(machine.mem8, machine.mem16, machine.mem32)
for mem in (machine.mem8, machine.mem16, machine.mem32):
    for addr in (0, 0x40000000, 0x20000000, -1, 2**64, True):
        try:
            print(mem[addr])
        except ValueError as e:
            print("ValueError", e)
for bad in ("x", 1.5, None, [0]):
    try:
        machine.mem32[bad]
    except TypeError as e:
        print("TypeError", e)
try:
    machine.mem32[0] = "v"
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    del machine.mem32[0]
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)

# Bitwise operators including negative numbers (two's complement semantics).
vals = [0, 1, 5, -1, -5, 12, -12, 255]
for a in vals:
    print(a, ~a, a & 6, a | 6, a ^ 6, a & -4, a | -4, a ^ -4)
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ^ 0x0F)
print(-8 & 0xFF, -1 & 0xFFFF, ~0, ~-1)

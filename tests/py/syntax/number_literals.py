# Integer and float literal forms.
print(0b1111_0000, 0o7_7, 0xdead_beef, 1_2_3)
print(0xFFFFFFFFFFFFFFFFFFFF, 0b1 << 70)
print(1e0, 1e1, 1.5e-3, 123.456e2, 0e0, 0.0)
print(1_000.000_1)
print(type(1).__name__, type(1.0).__name__, type(1e10).__name__)
print(-0x10, -0b11, -0o10)

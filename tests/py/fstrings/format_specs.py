# Format specs inside f-strings.
n = 1234567
f = 3.14159
s = "abc"
print(f"{n:,} {n:>12,}| {n:x} {n:X} {n:o} {n:b} {255:#x} {255:08b}")
print(f"{42:05d} {-42:05d} {42:+d} {42: d} {42:<6d}| {42:^7}|")
print(f"{f:.2f} {f:8.3f}| {f:<8.1f}| {f:+.0f} {-f:.4f} {f * 100:,.1f}")
print(f"{s:>6}| {s:<6}| {s:^7}| {s:*>6} {s:.2}")
print(f"{True:d} {True} {None!s:>5}|")
print(f"{7:3} {'x':3}| {1.5:6}|")
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.5:.0f}")

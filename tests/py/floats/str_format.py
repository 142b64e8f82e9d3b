# Simple float format specs.
x = 3.14159265
print("%.2f" % x, "%.0f" % x, "%8.3f|" % x, "%-8.1f|" % x, "%+.1f" % x)
print("{:.2f} {:.4f} {:10.2f}| {:<10.2f}| {:^10.1f}|".format(x, x, x, x, x))
print(f"{x:.3f} {-x:.1f} {x * 1000:,.2f} {2.5:.0f} {3.5:.0f}")
print(f"{0.1:.20f}")
print(f"{1e10:.1f} {1.23456e-5:.8f} {-0.0:.1f} {100:.2f}")
print(f"{float('inf'):.2f} {float('nan'):.1f}")
print(format(2.5, ".1f"), format(1234567.891, ",.2f"), format(0.5, "06.2f"))

# rtpy has no complex type (as MicroPython built without it): a negative number to a
# fractional power raises ValueError, where CPython returns a complex. Hence the .exp file.
for base, exp in [(-1.0, 0.5), (-8.0, 1 / 3), (-2, 0.5)]:
    try:
        print(base ** exp)
    except ValueError as e:
        print("ValueError:", e)
try:
    exec("print(1j)")  # imaginary literals do not compile
except SyntaxError as e:
    print("SyntaxError:", e.msg)

# float() from strings and numbers: accepted syntax, rounding, specials and errors.
cases = ["0", "-0", "1", "1.", ".5", "-.5", "+1.5", "1e3", "1E-3", "1e+3", " 2.5 ", "\t-3.25\n",
         "1_000.5", "1_0e1_0", "inf", "-inf", "+INF", "Infinity", "-iNfInItY", "nan", "-NaN",
         "1e400", "-1e400", "1e-400", "4.9e-324", "2.4e-324", "2.5e-324", "0.1", "3.14159265358979323846",
         "9007199254740993", "179769313486231580793728971405301e276", "1e-5", "00012.5",
         "\u00a01.5\u3000", "123456789012345678901234567890e-10", "0x10", "1e", "e5", ".", "", " ",
         "1.5.5", "1_", "_1", "1__0", "1e_5", "infin", "nanx", "--1", "1 2", "1,5", "abc", "1e5.5"]
for s in cases:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for b in [b"1.5", b" -2e3 ", bytearray(b"7.25"), memoryview(b"0.5"), b"x", bytearray(b"y")]:
    try:
        print(float(b))
    except ValueError as e:
        print("ValueError", e)
print(float(), float(0), float(-5), float(True), float(2**53 + 1), float(10**30), float(-(3**100)))
print(float(1.5), float(-0.0), type(float(7)).__name__)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
print(float(F()), float(I()))
for args, kw in [(([],), {}), ((None,), {}), ((1, 2), {}), ((), {"x": 1}), ((10**400,), {})]:
    try:
        print(float(*args, **kw))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)

# bool is an int subclass: arithmetic gives ints, & | ^ between bools give bools.
T, F = True, False
print(T + 1, T + T, T - F, T * 7, T / 2, T // 2, T % 2, T ** 10, -T, +T, ~T, ~F, abs(-T))
print(T & T, T | F, T ^ T, F ^ T, T & 1, 1 | F, T ^ 2, type(T & F).__name__, type(T & 1).__name__)
print(T == 1, F == 0, T == 1.0, T is True, T < 2, F < T, T > F, sorted([T, F, 0, 1, -1]))
print(hash(T), hash(F), {True: "a", 1: "b"}, repr(T), str(F), int(T), float(T), T << 3, T >> 1)
print(bool(), bool(0), bool(1), bool(-2), bool(0.0), bool(""), bool("x"), bool([]), bool(10**30))
print(isinstance(T, int), issubclass(bool, int), type(T + T).__name__, divmod(T, T), pow(T, T))
print(T.real, T.imag, T.numerator, T.denominator, T.bit_length(), T.conjugate(), T.as_integer_ratio())
print(round(T), T.__index__(), format(T), format(T, "d"), format(F, "^5"), "%d" % T, f"{T!r}")
try:
    bool(x=1)
except TypeError as e:
    print("TypeError")
print(sum([T, T, F, T]), max(F, T), [1, 2, 3][T], "ab" * T)

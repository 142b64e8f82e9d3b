# % and // on floats with negative operands and small values.
pairs = [(5.5, 2), (-5.5, 2), (5.5, -2), (-5.5, -2), (1.0, 0.1), (-1e-10, 1.0), (0.0, -1.0),
         (-0.0, 1.0), (7, 2.5), (1e20, 3.0)]
for a, b in pairs:
    print(a, b, a // b, a % b)

# Ranges near and beyond machine word size.
r = range(2 ** 62, 2 ** 62 + 3)
print(list(r), len(r))
r = range(-(2 ** 70), 2 ** 70, 2 ** 69)
print(list(r), len(r))
print(range(2 ** 100)[2 ** 99], 2 ** 99 in range(2 ** 100))
print(len(range(0, 2 ** 64, 3)))

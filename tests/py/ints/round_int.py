# round() on ints with negative ndigits rounds half to even.
print(round(5), round(-5), type(round(5)).__name__)
print(round(1234, -1), round(1235, -1), round(1245, -1), round(-1255, -1))
print(round(150, -2), round(250, -2), round(350, -2), round(15, -1), round(25, -1))
print(round(12345, -10), round(99, -2), round(2 ** 70, -20))

# Converting numbers to strings.
print(str(42), repr(42), str(-0), str(10 ** 30))
print(str(1.0), str(1.5e-7), str(123456789.0), str(1e22), str(-2.5))
print(hex(255), oct(8), bin(10), hex(-1), bin(0))
print("%d items" % 3, "{} items".format(3), f"{3} items")
print(str(True) + str(None))
print(format(42), format(3.5), format(42, "04d"), format(255, "x"), format("s", ">3"))

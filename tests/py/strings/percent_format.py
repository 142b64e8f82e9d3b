# printf-style % formatting.
print("%s and %s" % ("a", "b"))
print("%d%%" % 50)
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%x %X %o" % (255, 255, 8))
print("%.2f %.1f %8.3f" % (3.14159, 2.25, 1.5))
print("%r %s" % ("q", "q"))
print("%(name)s=%(val)d" % {"name": "x", "val": 3})
print("%s" % [1, 2], "%s" % (None,))
print("%c%c" % (72, "i"))
try:
    "%d" % "x"
except TypeError:
    print("TypeError")
try:
    "%s %s" % ("one",)
except TypeError:
    print("TypeError: not enough arguments")

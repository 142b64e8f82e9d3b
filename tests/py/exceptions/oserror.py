# OSError construction and attributes.
e = OSError("plain message")
print(e.args, str(e), e.errno)
e = OSError(22, "Invalid argument")
print(e.errno, e.strerror, str(e))
try:
    raise OSError(5, "I/O error")
except OSError as err:
    print(type(err).__name__, err.errno)
print(issubclass(OSError, Exception))

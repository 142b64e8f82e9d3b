# struct.error: an Exception subclass that can be raised and caught
import struct
print(issubclass(struct.error, Exception), issubclass(struct.error, ValueError), struct.error.__name__)
try:
    raise struct.error('custom', 5)
except struct.error as e:
    print(e.args)
try:
    struct.pack('q', 2**64)
except Exception as e:
    print(type(e) is struct.error, e)
print(isinstance(struct.error('x'), Exception))

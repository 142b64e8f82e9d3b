# Subclasses of bytes and bytearray keep the built-in behaviour.
class MyBytes(bytes):
    def shout(self):
        return self.upper() + b"!"


class MyArray(bytearray):
    def __init__(self, data):
        super().__init__(data * 2)


mb = MyBytes(b"hey")
print(mb.shout(), len(mb), mb[0], mb[1:], mb == b"hey", b"hey" == mb, isinstance(mb, bytes))
print(mb + b"!", type(mb + b"!").__name__, mb.upper(), type(mb.upper()).__name__, b"e" in mb)
print(bytes(mb), type(bytes(mb)).__name__, list(mb), mb.decode(), mb.hex(), b"hey hey".count(mb))
print(MyBytes.fromhex("4142"), type(MyBytes.fromhex("4142")).__name__, type(MyArray.fromhex("41")).__name__)
ma = MyArray(b"ab")
print(bytes(ma), len(ma), ma[0], ma == b"abab", isinstance(ma, bytearray))
ma.append(33)
ma[0] = 65
ma += b"?"
print(bytes(ma), ma.upper(), type(ma.upper()).__name__, memoryview(ma).tobytes())
print(bytes(memoryview(mb)), memoryview(ma).readonly, memoryview(mb).readonly)

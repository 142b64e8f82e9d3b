# bytes.hex with separators, and bytes.fromhex / bytearray.fromhex.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


data = bytes(range(0, 256, 37)) + b"\x00\xff"
for obj in (data, bytearray(data), memoryview(data)):
    print(type(obj).__name__, obj.hex(), obj.hex(":"), obj.hex(b"-"), obj.hex(" ", 2), obj.hex(" ", -2),
          obj.hex(":", 3), obj.hex(":", -3), obj.hex(":", 100), obj.hex(":", 0), obj.hex(sep="_", bytes_per_sep=4))
print(repr(b"".hex()), repr(b"".hex(":")), b"\x01".hex(":", 5), b"\x01\x02".hex(":", 1))
t("sep long", lambda: b"ab".hex("::"))
t("sep empty", lambda: b"ab".hex(""))
t("sep non-ascii", lambda: b"ab".hex("\xe9"))
t("sep int", lambda: b"ab".hex(1))
t("sep list", lambda: b"ab".hex([":"]))
t("sep bytearray", lambda: b"ab".hex(bytearray(b":")))
t("bps str", lambda: b"ab".hex(":", "2"))
t("bps huge", lambda: b"ab".hex(":", 2**40))

for s in ["", "00", "ff00", "FF 00 7f", " 01  02\t03\n04\r05\x0b06\x0c ", "deadBEEF", "0a0B"]:
    print(repr(s), bytes.fromhex(s), bytearray.fromhex(s))
for s in ["0", "0g", "g0", "0 0", "00 0", "000", "\xe9", "00\xe900", "0x00", " 1"]:
    t("fromhex " + repr(s), lambda: bytes.fromhex(s))
t("fromhex bytes", lambda: bytes.fromhex(b"00"))
t("fromhex int", lambda: bytearray.fromhex(0))
print(type(bytes.fromhex("00")).__name__, type(bytearray.fromhex("00")).__name__, b"".fromhex("41"))
print(bytes.fromhex(data.hex()) == data, bytes.fromhex(data.hex(" ")) == data)

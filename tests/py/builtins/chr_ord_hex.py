# chr, ord, hex, bin, oct.
print(chr(65), chr(0x263A), ord("a"), ord("€"), ord(b"A"), ord(bytearray(b"z")))
print(hex(0), hex(255), hex(-255), hex(2 ** 64), bin(5), bin(-5), oct(64), oct(-8))
print([hex(b) for b in b"\x00\x7f\xff"])
for fn in (hex, bin, oct):
    try:
        fn(1.0)
    except TypeError:
        print("TypeError", fn.__name__)
try:
    ord("")
except TypeError:
    print("TypeError: ord() of empty string")

# Bad .rpyc data raises ValueError and never crashes: every prefix of a file; every prefix
# of its payload under a header that matches it (so the parser, not the checksum, meets the
# end); every single-bit flip with and without a matching checksum; wrong magic, version,
# bytecode and features; and rpyc_dumps of something that is not code.
import binascii
import struct
from micropython import rpyc_dumps, rpyc_loads

SRC = '''
import sys
K = (1, 2**70, -3.5, "s\u00e9", b"b", (None, ...))
def f(a, *, b=2):
    return [x + a for x in range(b)]
class C(Exception):
    def m(self):
        try:
            return f(1)
        except Exception as e:
            raise ValueError from e
        finally:
            pass
g = (lambda: (yield))
'''
data = rpyc_dumps(compile(SRC, "errors.py", "exec"))


def fixed(d):
    # the header's length and CRC made to match whatever payload d has
    p = d[20:]
    return d[:12] + struct.pack("<II", len(p), binascii.crc32(p) & 0xFFFFFFFF) + p


def outcome(d):
    try:
        rpyc_loads(d)
        return "loaded"
    except ValueError as e:
        msg = str(e)
        return msg[: msg.index(":")] if ":" in msg else msg


def tally(results, expected_count):
    # the outcomes (not their numbers: the file's length may differ between builds), and
    # whether every case had one
    counts = {}
    for r in results:
        counts[r] = counts.get(r, 0) + 1
    return sorted(counts), sum(counts.values()) == expected_count


print(outcome(data), outcome(fixed(data)))
print("prefixes", tally((outcome(data[:n]) for n in range(len(data))), len(data)))
print("payload prefixes", tally((outcome(fixed(data[:n])) for n in range(20, len(data))), len(data) - 20))

flips = []
flips_fixed = []
for i in range(len(data)):
    b = bytearray(data)
    b[i] ^= 1 << (i % 8)
    flips.append(outcome(bytes(b)))
    if i >= 20:
        flips_fixed.append(outcome(fixed(bytes(b))))
print("flips", tally(flips, len(data)))
# with the checksum made to match, most flips are caught by the structure checks; those that
# still load are flips of a constant's value, a name's spelling, a line number ...
print("flips, checksum fixed:", tally(flips_fixed, len(data) - 20))

for field, value in ((4, 99), (8, 0x12345678)):
    b = bytearray(data)
    b[field: field + 4] = struct.pack("<I", value) if field == 8 else struct.pack("<H", value) + b[6:8]
    try:
        rpyc_loads(bytes(b))
    except ValueError as e:
        print(str(e).replace("%x" % struct.unpack_from("<I", data, 8)[0], "SIG"))
for bad in (b"", b"RPY", b"PK\x03\x04" + data[4:], data + b"\x00"):
    try:
        rpyc_loads(bad)
    except ValueError as e:
        print(repr(bad[:4]), e)
for bad in (None, 1, "code", lambda: 0):
    try:
        rpyc_dumps(bad)
    except TypeError as e:
        print(e)

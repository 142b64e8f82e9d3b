#!/usr/bin/env python3
"""fuzz/gen_air_seeds.py: writes the kept inputs of fuzz/fuzz_air.c to tests/fuzz/air/.

Each input is a set-up byte, then records [flags, step, channel, length, header, payload]
(fuzz_air.c's comment has the format): an advertiser asked for its scan response and connected
with good and hostile CONNECT_INDs, a scanner's responses, and connections in both roles with
control procedures (version, features, data length, connection update, encryption,
termination), data and control PDUs of wrong lengths.
Usage: fuzz/gen_air_seeds.py [outdir]
"""
import os
import struct
import sys

ME = bytes([0x01, 0x00, 0x00, 0x00, 0xAA, 0xC0])    # the fuzzed controller's address
PEER = bytes([0x02, 0x00, 0x00, 0x00, 0xBB, 0xC0])  # fuzz_air.c's PEER

AUTO, RAW, HOST, WAIT = 0, 1, 2, 3
DATA, BADCRC, LENBYTE, ENC = 0x08, 0x04, 0x40, 0x80


def rec(flags, step, hdr=0, payload=b"", chan=0):
    if flags & 3 in (HOST, WAIT):
        return bytes([flags, step, chan, 0])
    return bytes([flags, step, chan, len(payload), hdr]) + payload


def connect_ind(interval=24, timeout=100, win_size=2, win_offset=1, chmap=b"\xff\xff\xff\xff\x1f", hop=7):
    ll = struct.pack("<I", 0x1234ABCD) + b"\x44\x55\x66" + bytes([win_size])
    ll += struct.pack("<HHHH", win_offset, interval, 0, timeout) + chmap + bytes([hop])
    return rec(AUTO, 1, 0x05, PEER + ME + ll)


class Link:
    """The peer's side of a connection: SN/NESN as a well-behaved peer keeps them."""

    def __init__(self, central_peer):
        self.i = 0
        self.central_peer = central_peer  # the peer is the central (we are peripheral)

    def pdu(self, llid, payload, step=1, enc=False):
        h = llid | (0x08 if self.i & 1 else 0) | (0x04 if self.i & 1 else 0)
        self.i += 1
        return rec(AUTO | DATA | (ENC if enc else 0), step, h, payload)

    def ctl(self, *b, **kw):
        return self.pdu(3, bytes(b), **kw)


def u16(v):
    return list(struct.pack("<H", v))


def seeds():
    out = {}
    out["adv_scan_req"] = bytes([0]) + rec(AUTO, 1, 0x03, PEER + ME) + rec(AUTO, 3, 0x03, PEER + ME)
    out["adv_connect_ind"] = bytes([0]) + connect_ind() + rec(AUTO | DATA, 0, 0x01)
    out["adv_connect_hostile"] = (bytes([0]) + connect_ind(interval=0, timeout=0) + rec(WAIT, 5) +
                                  connect_ind(interval=0xFFFF, win_offset=0xFFFF, win_size=0) + rec(WAIT, 5))
    out["adv_connect_nochan"] = (bytes([0]) + connect_ind(chmap=b"\0\0\0\0\0", hop=0, interval=1) +
                                 rec(AUTO | DATA, 0, 0x01) + rec(AUTO | DATA, 1, 0x0D) + rec(WAIT, 50))
    out["adv_directed"] = bytes([1]) + connect_ind() + rec(AUTO, 2, 0x03, PEER + ME)
    adv = rec(AUTO, 0, 0x00, PEER + b"\x02\x01\x06\x03\x09ab")
    out["scan_active"] = bytes([2]) + adv + rec(AUTO, 0, 0x04, PEER + b"\x02\x09z") + rec(AUTO, 1, 0x02, PEER)
    out["scan_big_adv"] = bytes([2]) + rec(AUTO, 1, 0x00, PEER + bytes(200)) + rec(AUTO, 0, 0x06, PEER + bytes(31))
    out["scan_passive"] = bytes([3]) + adv + rec(AUTO, 1, 0x01, PEER + ME) + rec(RAW, 1, 0x00, PEER, chan=38)
    out["init"] = bytes([4]) + adv + rec(AUTO | DATA, 0, 0x01) + rec(AUTO | DATA, 1, 0x05)

    # peripheral: procedures from the central
    L = Link(True)
    s = bytes([5]) + L.pdu(1, b"", step=0)
    s += L.ctl(0x0C, 0x0B, 0xFF, 0xFF, 1, 0)                        # LL_VERSION_IND
    s += L.ctl(0x08, 0x21, 0, 0, 0, 0, 0, 0, 0)                     # LL_FEATURE_REQ
    s += L.ctl(0x14, *u16(251), *u16(2120), *u16(251), *u16(2120))  # LL_LENGTH_REQ
    s += rec(HOST, 10 * 20) + L.pdu(1, b"") + L.pdu(1, b"") + L.pdu(1, b"")
    s += L.pdu(2, bytes([8, 0, 4, 0]) + bytes(8))                   # data
    s += L.ctl(0x00, 1, 0, 0, *u16(12), *u16(0), *u16(200), *u16(20))  # LL_CONNECTION_UPDATE_IND
    for _ in range(8):
        s += L.pdu(1, b"")
    s += L.ctl(0x02, 0x13)                                          # LL_TERMINATE_IND
    out["periph_procedures"] = s

    L = Link(True)
    s = bytes([5]) + L.pdu(1, b"", step=0)
    s += L.ctl(0x14, *u16(0), *u16(0), *u16(0xFFFF), *u16(0xFFFF))  # silly LL_LENGTH_REQ
    s += L.ctl(0x00, 1, 0, 0, *u16(6), *u16(0), *u16(10), *u16(0xFFF0))  # instant in the past
    out["periph_update_past"] = s
    L = Link(True)
    s = bytes([5]) + L.pdu(1, b"", step=0)
    s += L.ctl(0x00, 1, 0, 0, *u16(6), *u16(0), *u16(10), *u16(0x7FF0))  # far future
    s += L.ctl(0x01, 0, 0, 0, 0, 0, 0, 0)                           # LL_CHANNEL_MAP_IND
    s += L.pdu(1, bytes(40)) + L.pdu(0, b"x") + L.pdu(2, bytes(251))
    out["periph_odd"] = s

    L = Link(True)
    s = bytes([5]) + L.pdu(1, b"", step=0)
    for op in range(0x20):
        for n in (0, 1, 2, 9, 23):
            s += L.ctl(op, *bytes(n))
    out["periph_every_opcode"] = s

    L = Link(True)
    s = bytes([5]) + L.pdu(1, b"", step=0)
    s += L.ctl(0x03, *bytes(10), *range(12))                        # LL_ENC_REQ
    s += rec(HOST, 4)                                               # LTK reply
    s += L.pdu(1, b"") + L.pdu(1, b"") + L.pdu(1, b"")
    s += L.ctl(0x06, enc=True)                                      # LL_START_ENC_RSP, encrypted
    s += L.pdu(1, b"") + L.pdu(2, b"\x04\x00\x04\x00abcd", enc=True) + L.pdu(2, b"\x04\x00\x04\x00abcd")
    out["periph_encrypt"] = s

    # central: the controller sends first in each event, we answer
    L = Link(False)
    s = bytes([6]) + L.pdu(1, b"", step=0)
    s += rec(HOST, 8) + rec(HOST, 7) + rec(HOST, 6) + rec(HOST, 3)  # version, features, length, encryption
    s += L.pdu(1, b"") + L.ctl(0x0C, 0x0B, 0xFF, 0xFF, 1, 0) + L.ctl(0x09, 0x21, *bytes(7))
    s += L.ctl(0x15, *u16(251), *u16(2120), *u16(251), *u16(2120))
    s += L.ctl(0x04, *range(12))                                    # LL_ENC_RSP
    s += L.ctl(0x05)                                                # LL_START_ENC_REQ
    s += L.ctl(0x06, enc=True) + L.pdu(2, b"\x04\x00\x04\x00abcd", enc=True) + L.pdu(1, b"", enc=True)
    s += rec(HOST, 0 + 10 * 25) + rec(HOST, 2) + L.pdu(1, b"") + L.pdu(1, b"") + rec(HOST, 1) + rec(WAIT, 10)
    out["central_procedures"] = s

    L = Link(False)
    s = bytes([6]) + L.pdu(1, b"", step=0) + rec(HOST, 3) + L.pdu(1, b"")
    s += L.ctl(0x0D, 0x06) + L.pdu(1, b"") + rec(HOST, 3) + L.ctl(0x04, *range(12)) + L.ctl(0x05)
    s += L.pdu(2, b"\x04\x00\x04\x00abcd") + rec(WAIT, 100)           # a bad MIC
    out["central_enc_reject_mic"] = s

    s = bytes([7]) + rec(AUTO | DATA, 0, 0x01) + rec(AUTO | DATA | 0x10, 0, 0x01) + adv
    s += rec(AUTO, 1, 0x03, PEER + ME) + rec(AUTO | DATA | BADCRC, 1, 0x01) + rec(RAW | LENBYTE, 9, 0x00, PEER)
    s += rec(WAIT, 200)
    out["everything"] = s
    return out


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "fuzz", "air")
    os.makedirs(outdir, exist_ok=True)
    for name, data in seeds().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()

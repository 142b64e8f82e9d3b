#!/usr/bin/python3
"""tools/rtpy-img against MCUboot's own images (tests/data/mcuboot, made by imgtool 2.4.0).

Signing must reproduce imgtool's deterministic (Ed25519) images byte for byte from the same
key, payload and options; ECDSA signing (randomized) must round-trip through our verifier and
the C one (boot/image.c, through `test_image --verify`); verify must accept every fixture with
its key and refuse any single flipped bit in the header, payload, protected TLVs, TLV lengths
and signature, every truncation and the wrong key; dumpinfo must agree with imgtool's dumps.

Usage: tests/host/test_img.py [--c-verify build/host/tests/unit/test_image] [-v]
Prints "N passed, N failed" and exits non-zero on a failure. Needs python3-cryptography.
"""
import argparse
import importlib.util
import json
import os
import random
import re
import stat
import subprocess
import sys
import tempfile
import unittest

import suite
from importlib.machinery import SourceFileLoader

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "rtpy-img")
DATA = os.path.join(ROOT, "tests", "data", "mcuboot")
C_VERIFY = None  # test_image binary (its --verify mode), when given

# the README's common parameters, and each fixture's own (inferred from imgtool's dumps)
COMMON = ["--header-size", "0x200", "--align", "8", "--slot-size", "0x100000", "--pad-header"]
REPRODUCIBLE = {
    "app-ed25519.signed.bin": ("app.bin", ["--version", "1.2.3+4"]),
    "app-v2-ed25519.seccnt7.bin": ("app-v2.bin", ["--version", "2.1.0", "--security-counter", "7"]),
    "app-v2-ed25519.padded-test.bin": ("app-v2.bin", ["--version", "2.0.0", "--pad"]),
    "app-v2-ed25519.padded-confirmed.bin": ("app-v2.bin", ["--version", "2.0.0", "--pad",
                                                           "--confirm"]),
}
FIXTURES = {  # image: public key
    "app-ed25519.signed.bin": "root-ed25519.pub.pem",
    "app-ec-p256.signed.bin": "root-ec-p256.pub.pem",
    "app-v2-ed25519.seccnt7.bin": "root-ed25519.pub.pem",
    "app-v2-ed25519.padded-test.bin": "root-ed25519.pub.pem",
    "app-v2-ed25519.padded-confirmed.bin": "root-ed25519.pub.pem",
}


def load_tool():
    loader = SourceFileLoader("rtpy_img", TOOL)
    spec = importlib.util.spec_from_loader("rtpy_img", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


img = load_tool()


def data(name):
    return os.path.join(DATA, name)


def read(name):
    with open(data(name), "rb") as f:
        return f.read()


def tool(*args):
    p = subprocess.run([TOOL] + [str(a) for a in args], capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def c_verify(pem, path):
    p = subprocess.run([C_VERIFY, "--verify", pem, path], capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode()


def pub(name):
    return img.load_key(data(name))[1]


def read_dumpinfo(name):
    """imgtool's dumpinfo text: header fields, TLVs (area, type, len, data), trailer."""
    d = {"tlvs": [], "trailer": {}}
    area, cur, cont = None, None, None
    for line in open(data(name)).read().splitlines():
        s = line.strip()
        if s.startswith("0x") and cont is not None:
            cont.extend(int(x, 16) for x in s.split())
            continue
        cont = None
        if s.startswith("#### Protected TLV area"):
            area = "prot"
        elif s.startswith("#### TLV area"):
            area = "unprot"
        elif s.startswith("#### Image trailer"):
            area = "trailer"
        m = re.match(r"(\w+):\s+(0x[0-9a-f]+)$", s)
        if area is None and m:
            d[m.group(1)] = int(m.group(2), 16)
        elif area is None and s.startswith("version:"):
            d["version"] = s.split()[1]
        elif s.startswith("area size:"):
            d[area + "_size"] = int(s.split()[-1], 16)
        elif s.startswith("type:"):
            cur = {"type": int(re.search(r"\((0x[0-9a-f]+)\)", s).group(1), 16),
                   "protected": area == "prot", "data": []}
            d["tlvs"].append(cur)
        elif s.startswith("len:"):
            cur["len"] = int(s.split()[-1], 16)
        elif s.startswith("data:"):
            cur["data"] = [int(x, 16) for x in s.split()[1:]]
            cont = cur["data"]
        elif area == "trailer" and s.startswith("boot magic:"):
            d["trailer"]["magic"] = [int(x, 16) for x in s.split()[2:]]
            cont = d["trailer"]["magic"]
        elif area == "trailer" and re.match(r"(swap_info|copy_done|image_ok):", s):
            k = s.split(":")[0]
            d["trailer"][k] = int(re.search(r"\((0x[0-9a-f]+)\)", s).group(1), 16)
    return d


class Reproduce(unittest.TestCase):
    """imgtool's Ed25519 images, rebuilt from the key, the payload and the options."""

    def check(self, name):
        src, opts = REPRODUCIBLE[name]
        with tempfile.TemporaryDirectory() as t:
            out = os.path.join(t, "out.bin")
            rc, _, err = tool("sign", "-k", data("root-ed25519.pem"), *COMMON, *opts,
                              data(src), out)
            self.assertEqual(rc, 0, err)
            with open(out, "rb") as f:
                got = f.read()
        want = read(name)
        self.assertEqual(len(got), len(want))
        self.assertTrue(got == want, "first difference at %d" %
                        next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), -1))

    def test_signed(self):
        self.check("app-ed25519.signed.bin")

    def test_security_counter(self):
        self.check("app-v2-ed25519.seccnt7.bin")

    def test_padded_test(self):
        self.check("app-v2-ed25519.padded-test.bin")

    def test_padded_confirmed(self):
        self.check("app-v2-ed25519.padded-confirmed.bin")

    def test_readme_digest_and_keyhash(self):
        info = img.verify(read("app-ed25519.signed.bin"), pub("root-ed25519.pub.pem"))
        self.assertEqual(info["digest"].hex(),
                         "7dfa2b0a276f5e3290ffb68d4d08d645b48b469426e4a1fbbaf53b42d5f0864f")
        self.assertEqual(info["found"][img.TLV_KEYHASH]["data"].hex(),
                         "b9aee7934ad1b0717b3b5f4380d60e803a49ac43223146b827e2fbd17aa52622")


class Ecdsa(unittest.TestCase):
    """ECDSA signatures are randomized: round trips, and everything but the signature equal."""

    def test_fixture_key_round_trip(self):
        with tempfile.TemporaryDirectory() as t:
            outs = []
            for i in range(2):
                out = os.path.join(t, "e%d.bin" % i)
                rc, _, err = tool("sign", "-k", data("root-ec-p256.pem"), *COMMON,
                                  "--version", "1.2.3+4", data("app.bin"), out)
                self.assertEqual(rc, 0, err)
                rc, so, err = tool("verify", "-k", data("root-ec-p256.pub.pem"), out)
                self.assertEqual((rc, so.splitlines()[0]), (0, "Image was correctly validated"))
                if C_VERIFY:
                    self.assertEqual(c_verify(data("root-ec-p256.pub.pem"), out)[0], 0)
                outs.append(open(out, "rb").read())
            want = read("app-ec-p256.signed.bin")
            wi = img.parse(want)
            for got in outs:
                gi = img.parse(got)
                # header, payload, SHA256 and KEYHASH TLVs as imgtool's; the signature differs
                self.assertEqual(got[:wi["tlv_off"]], want[:wi["tlv_off"]])
                self.assertEqual([(x["type"], x["data"]) for x in gi["tlvs"][:2]],
                                 [(x["type"], x["data"]) for x in wi["tlvs"][:2]])
                self.assertEqual(gi["tlvs"][2]["type"], img.TLV_ECDSA_SIG)
                self.assertNotEqual(gi["tlvs"][2]["data"], wi["tlvs"][2]["data"])
                self.assertRaises(img.ImageError, img.verify, got, pub("root-ed25519.pub.pem"))
            self.assertNotEqual(outs[0], outs[1])

    def test_keygen_sign_verify(self):
        with tempfile.TemporaryDirectory() as t:
            for kind in ("ed25519", "ecdsa-p256"):
                key = os.path.join(t, kind + ".pem")
                pem = os.path.join(t, kind + ".pub.pem")
                out = os.path.join(t, kind + ".bin")
                self.assertEqual(tool("keygen", "-t", kind, "-k", key)[0], 0)
                self.assertEqual(stat.S_IMODE(os.stat(key).st_mode), 0o600)
                rc, _, err = tool("keygen", "-t", kind, "-k", key)
                self.assertNotEqual(rc, 0)  # never overwrites a key
                self.assertIn("exists", err)
                self.assertEqual(tool("getpub", "-k", key, "-e", "pem", "-o", pem)[0], 0)
                rc, _, err = tool("sign", "-k", key, *COMMON, "-v", "3.4.5+6",
                                  "--security-counter", "auto", data("app-v2.bin"), out)
                self.assertEqual(rc, 0, err)
                self.assertEqual(tool("verify", "-k", pem, out)[0], 0)
                self.assertEqual(tool("verify", "-k", key, out)[0], 0)
                rc, _, err = tool("verify", "-k", data("root-ed25519.pub.pem"), out)
                self.assertEqual(rc, 1)
                self.assertIn("key hash mismatch", err)
                info = img.parse(open(out, "rb").read())
                self.assertEqual(info["version"], (3, 4, 5, 6))
                self.assertEqual(info["sec_cnt"], (3 << 24) | (4 << 16) | 5)
                if C_VERIFY:
                    rc, so = c_verify(pem, out)
                    self.assertEqual(rc, 0, so)
                    self.assertEqual(c_verify(data("root-ed25519.pub.pem"), out)[0], 1)


class Verify(unittest.TestCase):

    def test_fixtures_verify(self):
        for name, key in FIXTURES.items():
            rc, so, err = tool("verify", "-k", data(key), data(name))
            self.assertEqual(rc, 0, name + err)
            self.assertEqual(so.splitlines()[0], "Image was correctly validated")
            # the private key does as well as the public one
            priv = key.replace(".pub", "")
            self.assertEqual(tool("verify", "-k", data(priv), data(name))[0], 0)
            other = ("root-ec-p256.pub.pem" if "ed25519" in key else "root-ed25519.pub.pem")
            rc, so, err = tool("verify", "-k", data(other), data(name))
            self.assertEqual(rc, 1)
            self.assertIn("key hash mismatch", err)
            if C_VERIFY:
                self.assertEqual(c_verify(data(key), data(name))[0], 0, name)
                self.assertEqual(c_verify(data(other), data(name))[0], 1, name)

    def flips(self, name):
        """(region, byte offset, bit) to flip: every bit of the header, of the protected area
        and of every TLV length field, the signature and the hashes; a sample of the payload."""
        buf = read(name)
        info = img.parse(buf)
        rnd = random.Random(name)
        out = [("header", o, b) for o in range(32) for b in range(8)]
        out += [("payload", o, rnd.randrange(8))
                for o in rnd.sample(range(32, info["prot_off"]), 64)]
        out += [("protected", o, b) for o in range(info["prot_off"], info["tlv_off"])
                for b in range(8)]
        out += [("length", info["tlv_off"] + 2 + i, b) for i in range(2) for b in range(8)]
        for t in info["tlvs"]:
            region = {img.TLV_SHA256: "hash", img.TLV_KEYHASH: "keyhash",
                      img.TLV_SEC_CNT: "protected"}.get(t["type"], "signature")
            out += [("length", t["off"] - 2 + i, b) for i in range(2) for b in range(8)]
            out += [("type", t["off"] - 4 + i, b) for i in range(2) for b in range(8)]
            out += [(region, o, b) for o in range(t["off"], t["off"] + t["len"])
                    for b in range(8)]
        return buf, out

    def test_single_bit_flips_refused(self):
        for name, key in FIXTURES.items():
            buf, flips = self.flips(name)
            k = pub(key)
            reasons = {}
            for region, off, bit in flips:
                b = bytearray(buf)
                b[off] ^= 1 << bit
                with self.assertRaises(img.ImageError, msg="%s: %s flip at 0x%x bit %d"
                                       % (name, region, off, bit)) as cm:
                    img.verify(bytes(b), k)
                reasons.setdefault(region, set()).add(str(cm.exception))
            self.assertEqual(reasons["signature"], {"bad signature"}, name)
            self.assertEqual(reasons["keyhash"], {"key hash mismatch"}, name)
            self.assertEqual(reasons["hash"], {"hash mismatch"}, name)
            self.assertEqual(reasons["payload"], {"hash mismatch"}, name)
            self.assertTrue(all(reasons.values()))

    def test_flips_through_cli_and_c(self):
        """One flipped bit per region, through the command line (and the C verifier)."""
        name, key = "app-v2-ed25519.seccnt7.bin", "root-ed25519.pub.pem"
        buf = read(name)
        info = img.parse(buf)
        sig = info["found"]["sig"]
        cases = {"header": 20, "payload": 0x1000, "protected": info["prot_off"] + 8,
                 "tlv length": info["tlv_off"] + 6, "signature": sig["off"] + 17}
        with tempfile.TemporaryDirectory() as t:
            for region, off in cases.items():
                b = bytearray(buf)
                b[off] ^= 0x10
                path = os.path.join(t, region + ".bin")
                open(path, "wb").write(b)
                rc, so, err = tool("verify", "-k", data(key), path)
                self.assertEqual(rc, 1, region)
                self.assertTrue(err.startswith("rtpy-img: " + path + ": "), err)
                if C_VERIFY:
                    rc, so = c_verify(data(key), path)
                    self.assertEqual(rc, 1, region)
                    # the same reason in C and in Python
                    self.assertEqual(so.split(": ", 1)[1].strip(), err.split(": ")[-1].strip())

    def test_c_and_python_agree(self):
        """Random damage (bit flips, rewritten length and type fields, truncation): the C
        verifier and the tool accept and refuse the same images, for the same reason."""
        if not C_VERIFY:
            self.skipTest("no --c-verify")
        rnd = random.Random(1)
        cases = 0
        with tempfile.TemporaryDirectory() as t:
            for name, key in FIXTURES.items():
                if "padded-test" in name:
                    continue
                buf = read(name)
                info = img.parse(buf)
                fields = [8, 10, 12, info["tlv_off"], info["tlv_off"] + 2]
                fields += [x["off"] - d for x in info["tlvs"] for d in (2, 4)]
                if info["protect_tlv_size"]:
                    fields += [info["prot_off"], info["prot_off"] + 2]
                for i in range(40):
                    b = bytearray(buf)
                    kind = i % 4
                    if kind == 0:
                        o = rnd.randrange(info["total_len"])
                        b[o] ^= 1 << rnd.randrange(8)
                    elif kind == 1:
                        f = rnd.choice(fields)
                        v = rnd.choice([0, 1, 3, 4, 0xFFFF, rnd.randrange(0x10000),
                                        (b[f] | b[f + 1] << 8) + rnd.choice([-4, -1, 1, 4])])
                        b[f], b[f + 1] = v & 0xFF, (v >> 8) & 0xFF
                    elif kind == 2:
                        del b[rnd.randrange(info["total_len"]):]
                    else:
                        o = rnd.randrange(info["tlv_off"], info["total_len"])
                        b[o] = rnd.randrange(256)
                    path = os.path.join(t, "m.bin")
                    open(path, "wb").write(b)
                    try:
                        img.verify(bytes(b), pub(key))
                        want = "verified"
                    except img.ImageError as e:
                        want = str(e)
                    rc, so = c_verify(data(key), path)
                    self.assertEqual(so.split(": ", 1)[1].strip(), want,
                                     "%s case %d" % (name, i))
                    self.assertEqual(rc, 0 if want == "verified" else 1)
                    cases += 1
        self.assertGreater(cases, 100)

    def test_truncation_refused(self):
        for name in FIXTURES:
            buf = read(name)
            info = img.parse(buf)
            step = 1 if name == "app-v2-ed25519.seccnt7.bin" else 37
            lengths = list(range(0, info["total_len"], step)) + \
                list(range(info["total_len"] - 300, info["total_len"]))
            for n in lengths:
                with self.assertRaises(img.ImageError, msg="%s cut at %d" % (name, n)):
                    img.parse(buf[:n])

    def test_every_tlv_length_value_refused(self):
        name = "app-v2-ed25519.seccnt7.bin"
        buf = read(name)
        info = img.parse(buf)
        k = pub("root-ed25519.pub.pem")
        fields = [8, 10, info["prot_off"] + 2, info["tlv_off"] + 2]
        fields += [t["off"] - 2 for t in info["tlvs"]]
        b = bytearray(buf)
        for f in fields:
            orig = buf[f] | buf[f + 1] << 8
            for v in range(0x10000):
                if v == orig:
                    continue
                b[f], b[f + 1] = v & 0xFF, v >> 8
                self.assertRaises(img.ImageError, img.verify, b, k)
            b[f], b[f + 1] = buf[f], buf[f + 1]
        self.assertEqual(img.verify(b, k)["sec_cnt"], 7)


class Dumpinfo(unittest.TestCase):

    def test_matches_imgtool(self):
        for name in FIXTURES:
            want = read_dumpinfo(name.replace(".bin", ".dumpinfo.txt"))
            rc, so, err = tool("dumpinfo", "--json", data(name))
            self.assertEqual(rc, 0, err)
            got = json.loads(so)
            for k in ("magic", "load_addr", "hdr_size", "img_size", "flags"):
                self.assertEqual(got[k], want[k], name + " " + k)
            self.assertEqual(got["protect_tlv_size"], want["protected_tlv_size"])
            self.assertEqual(got["version"], want["version"])
            self.assertEqual(got["tlv_size"], want["unprot_size"])
            if got["protect_tlv_size"]:
                self.assertEqual(got["protect_tlv_size"], want["prot_size"])
            self.assertEqual([(t["type"], t["len"], t["protected"], bytes.fromhex(t["data"]))
                              for t in got["tlvs"]],
                             [(t["type"], t["len"], t["protected"], bytes(t["data"]))
                              for t in want["tlvs"]], name)
            if want["trailer"]:
                tr = got["trailer"]
                self.assertEqual(bytes(want["trailer"]["magic"]), img.BOOT_MAGIC)
                self.assertEqual(tr["magic"], "GOOD")
                flag = {1: "SET", 0xFF: "UNSET"}
                self.assertEqual(tr["image_ok"], flag[want["trailer"]["image_ok"]])
                self.assertEqual(tr["copy_done"], flag[want["trailer"]["copy_done"]])
                self.assertEqual(tr["swap_info"], want["trailer"]["swap_info"])
            else:
                self.assertIsNone(got["trailer"])

    def test_text(self):
        rc, so, _ = tool("dumpinfo", data("app-v2-ed25519.seccnt7.bin"))
        self.assertEqual(rc, 0)
        self.assertIn("version             2.1.0+0", so)
        self.assertIn("SEC_CNT (0x50), len 0x4", so)
        self.assertIn("= 7", so)
        rc, so, _ = tool("dumpinfo", data("app-v2-ed25519.padded-confirmed.bin"))
        self.assertRegex(so, r"image_ok\s+SET")
        rc, _, err = tool("dumpinfo", data("app.bin"))
        self.assertEqual((rc, err.strip().endswith("bad magic")), (1, True))


class SignErrors(unittest.TestCase):

    def sign(self, *args, infile="app.bin", key="root-ed25519.pem"):
        self.tmp = tempfile.mkdtemp()
        self.out = os.path.join(self.tmp, "o.bin")
        inpath = infile if os.path.isabs(infile) else data(infile)
        return tool("sign", "-k", data(key), *args, inpath, self.out)

    def tearDown(self):
        if getattr(self, "tmp", None):
            for f in os.listdir(self.tmp):
                os.unlink(os.path.join(self.tmp, f))
            os.rmdir(self.tmp)

    def test_refusals(self):
        base = ["-H", "0x200", "-v", "1.0.0", "--pad-header"]
        for args, why in [
            (base + ["--pad"], "--pad needs --slot-size"),
            (base + ["--confirm"], "--pad needs --slot-size"),
            (base + ["-S", "0x9000"], "does not fit the slot"),
            (["-H", "16", "-v", "1", "--pad-header"], "--header-size"),
            (["-H", "0x200", "-v", "1.0.0"], "--pad-header"),
            (base + ["-R", "7"], "--erased-val"),
        ]:
            rc, _, err = self.sign(*args)
            self.assertNotEqual(rc, 0, args)
            self.assertIn(why, err, args)
            self.assertFalse(os.path.exists(self.out))
        for v in ("1.2.3.4", "256.0.0", "1.2.65536", "x", "1.2.3+4294967296"):
            rc, _, err = self.sign("-H", "0x200", "--pad-header", "-v", v)
            self.assertEqual(rc, 2, v)
        rc, _, err = self.sign(*base, key="root-ed25519.pub.pem")
        self.assertIn("private key", err)

    def test_slot_fit_boundary(self):
        # app.bin signed is 40656 bytes; the swap trailer for 128 sectors at align 8 is 3120
        need = 40656 + 128 * 3 * 8 + 48
        base = ["-H", "0x200", "-v", "1.0.0", "--pad-header", "--pad"]
        self.assertEqual(self.sign(*base, "-S", str(need))[0], 0)
        self.assertEqual(os.path.getsize(self.out), need)
        self.assertNotEqual(self.sign(*base, "-S", str(need - 1))[0], 0)
        self.assertEqual(self.sign(*base, "-S", str(40656 + 32), "--overwrite-only")[0], 0)
        self.assertEqual(self.sign(*base, "-S", str(40656 + 48 + 4 * 3 * 8),
                                   "--max-sectors", "4")[0], 0)
        self.assertEqual(self.sign(*base, "-S", str(need), "--align", "4")[0], 0)

    def test_load_addr(self):
        """--load-addr as imgtool's: load_addr in the header and the RAM_LOAD flag (0x20); the
        rest as without it, and the image verifies (in C too: the QEMU bootloader's check)."""
        import struct
        rc, _, err = self.sign("-H", "0x200", "-v", "1.2.3+4", "--pad-header", "--load-addr",
                               "0x20000")
        self.assertEqual(rc, 0, err)
        got = open(self.out, "rb").read()
        want = read("app-ed25519.signed.bin")
        magic, load, hdr, prot, size, flags = struct.unpack_from("<IIHHII", got)
        self.assertEqual((magic, load, hdr, prot, flags), (0x96f3b83d, 0x20000, 0x200, 0, 0x20))
        self.assertEqual(got[20:32], want[20:32])  # version, reserved
        self.assertEqual(got[32:0x200 + size], want[32:0x200 + size])
        self.assertEqual(struct.unpack_from("<I", want, 16)[0], 0)
        self.assertEqual(img.verify(got, pub("root-ed25519.pub.pem"))["version"], (1, 2, 3, 4))
        rc, so, _ = tool("dumpinfo", self.out)
        self.assertIn("load_addr           0x20000", so)
        self.assertIn("flags               0x20 (RAM_LOAD)", so)
        if C_VERIFY:
            rc, so = c_verify(data("root-ed25519.pub.pem"), self.out)
            self.assertEqual(rc, 0, so)
        self.assertNotEqual(self.sign("-H", "0x200", "-v", "1.0.0", "--pad-header",
                                      "--load-addr", "0x20000x")[0], 0)

    def test_zeroed_header_input(self):
        """Without --pad-header the input's first header-size bytes (zeros) hold the header."""
        with tempfile.TemporaryDirectory() as t:
            raw = os.path.join(t, "raw.bin")
            open(raw, "wb").write(bytes(0x200) + read("app.bin"))
            rc, _, err = self.sign("-H", "0x200", "-v", "1.2.3+4", infile=raw)
            self.assertEqual(rc, 0, err)
            got = open(self.out, "rb").read()
            want = read("app-ed25519.signed.bin")
            self.assertEqual(got[:32], want[:32])
            self.assertEqual(got[32:0x200], bytes(0x200 - 32))
            self.assertEqual(got[0x200:0x200 + 40000], want[0x200:0x200 + 40000])
            self.assertEqual(img.verify(got, pub("root-ed25519.pub.pem"))["version"],
                             (1, 2, 3, 4))

    def test_getpub_c(self):
        rc, so, _ = tool("getpub", "-k", data("root-ed25519.pem"))
        self.assertEqual(rc, 0)
        der = bytes(int(x, 16) for x in re.findall(r"0x([0-9a-f]{2}),", so))
        self.assertEqual(der, img.pub_der(pub("root-ed25519.pub.pem")))
        self.assertIn("rtpy_boot_pubkey_len = 44;", so)


def main():
    global C_VERIFY
    ap = argparse.ArgumentParser()
    ap.add_argument("--c-verify", metavar="TEST_IMAGE",
                    help="boot/image.c's test binary; its --verify mode checks images too")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    C_VERIFY = os.path.abspath(a.c_verify) if a.c_verify else None
    tests = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    suite.run_tests(tests, verbose=a.v, prefix="test_img: ",
                    note="" if C_VERIFY else " (C verifier not given)")


if __name__ == "__main__":
    main()

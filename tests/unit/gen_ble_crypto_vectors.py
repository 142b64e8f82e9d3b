#!/usr/bin/python3
"""Generates tests/unit/data/ble_crypto/vectors.txt for tests/unit/test_ble_crypto.c: AES-128
blocks and AES-CMAC tags from OpenSSL, P-256 key pairs and ECDH shared secrets from OpenSSL
(all through Debian's python3-cryptography), and invalid public keys built here with plain
integer arithmetic. Random but seeded, so a rerun rewrites the same file:

    /usr/bin/python3 tests/unit/gen_ble_crypto_vectors.py

One case per line, fields separated by one space, byte strings in hex, numbers and
coordinates big-endian (MSO first, as the Core Specification prints them; the test reverses
them into SMP's little-endian order):
    aes KEY PLAIN CIPHER
    cmac KEY MSG TAG                  (MSG "-" when empty)
    ecdh PRIV PUBX PUBY PEERX PEERY DHKEY   (PUB = PRIV G; DHKEY = x(PRIV PEER))
    badpriv PRIV NAME                 (0 or >= n: key generation must refuse it)
    badpub PRIV X Y NAME              (not a point of the curve: DHKey must fail)
"""
import os
import random

from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "ble_crypto",
                   "vectors.txt")
rng = random.Random(20261122)
lines = []

P = 2**256 - 2**224 + 2**192 + 2**96 - 1
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B


def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def hx(b):
    return b.hex() if b else "-"


def n32(v):
    return "%064x" % v


def on_curve(x, y):
    return (y * y - (x * x * x - 3 * x + B)) % P == 0


# ---- AES-128: random keys and blocks, and the all-zero / all-one corners
for i in range(200):
    key = rbytes(16) if i >= 2 else bytes([0xFF * i] * 16)
    pt = rbytes(16) if i >= 2 else bytes([0xFF * (1 - i)] * 16)
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    lines.append("aes %s %s %s" % (key.hex(), pt.hex(), (enc.update(pt) + enc.finalize()).hex()))

# ---- AES-CMAC: every length from 0 to 100 (each side of the block boundaries), a few long
for n in list(range(0, 101)) + [127, 128, 129, 255, 256, 1000]:
    key, msg = rbytes(16), rbytes(n)
    c = cmac.CMAC(algorithms.AES(key))
    c.update(msg)
    lines.append("cmac %s %s %s" % (key.hex(), hx(msg), c.finalize().hex()))

# ---- ECDH: random key pairs, plus the smallest and largest private keys
curve = ec.SECP256R1()
privs = [1, 2, N - 1, N - 2] + [rng.randrange(1, N) for _ in range(96)]
for d in privs:
    k = ec.derive_private_key(d, curve)
    pub = k.public_key().public_numbers()
    peer = ec.derive_private_key(rng.randrange(1, N), curve).public_key()
    z = k.exchange(ec.ECDH(), peer)
    pn = peer.public_numbers()
    lines.append("ecdh %s %s %s %s %s %s" % (n32(d), n32(pub.x), n32(pub.y), n32(pn.x),
                                            n32(pn.y), z.hex()))

for d, name in [(0, "zero"), (N, "n"), (N + 1, "n+1"), (2**256 - 1, "2^256-1")]:
    lines.append("badpriv %s %s" % (n32(d), name))

# ---- invalid public keys (Vol 3 Part H §2.3.5.6.1: a device must check the peer's key is
# on the curve; the invalid-curve attack sends a point of small order on another curve
# y^2 = x^3 - 3x + b' and learns the private key modulo that order)
good = ec.derive_private_key(rng.randrange(1, N), curve).public_key().public_numbers()
bad = []
bad.append((good.x, (good.y + 1) % P, "y_plus_1"))
bad.append((good.x ^ 1, good.y, "x_bit_flipped"))
# a point of the curve whose x is small, so that x + p still fits in 32 bytes: the same
# point mod p, but a coordinate >= p must be refused (and the point itself is accepted: ecdh)
x0 = 0
while pow((x0**3 - 3 * x0 + B) % P, (P - 1) // 2, P) != 1:
    x0 += 1
y0 = pow((x0**3 - 3 * x0 + B) % P, (P + 1) // 4, P)
assert on_curve(x0, y0)
d = rng.randrange(1, N)
k = ec.derive_private_key(d, curve)
pub = k.public_key().public_numbers()
z = k.exchange(ec.ECDH(), ec.EllipticCurvePublicNumbers(x0, y0, curve).public_key())
lines.append("ecdh %s %s %s %s %s %s" % (n32(d), n32(pub.x), n32(pub.y), n32(x0), n32(y0),
                                        z.hex()))
bad.append((x0 + P, y0, "x_plus_p"))
bad.append((P, 0, "x_is_p"))
bad.append((good.x, P, "y_is_p"))
bad.append((good.x, 2**256 - 1, "y_all_ones"))
bad.append((2**256 - 1, 2**256 - 1, "all_ones"))
bad.append((0, 0, "zero_zero_order2_on_b0"))       # order 2 on y^2 = x^3 - 3x
bad.append((1, 0, "one_zero_order2_on_b2"))        # order 2 on y^2 = x^3 - 3x + 2
bad.append((P - 1, 0, "minus1_zero_order2_on_bm2"))  # order 2 on y^2 = x^3 - 3x - 2
# points of y^2 = x^3 - 3x + b' for random b' (a random x with a square right side)
while len([b for b in bad if b[2].startswith("other_curve")]) < 20:
    x, y = rng.randrange(P), rng.randrange(P)
    if not on_curve(x, y):
        bad.append((x, y, "other_curve_%d" % len(bad)))
for x, y, name in bad:
    assert x >= P or y >= P or not on_curve(x, y), name
    lines.append("badpub %s %s %s %s" % (n32(rng.randrange(1, N)), n32(x), n32(y), name))

with open(OUT, "w") as f:
    f.write("# generated by tests/unit/gen_ble_crypto_vectors.py; see its docstring\n")
    f.write("\n".join(lines) + "\n")
print("%d cases -> %s" % (len(lines), OUT))

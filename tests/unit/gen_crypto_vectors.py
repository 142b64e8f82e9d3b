#!/usr/bin/python3
"""Generates tests/unit/data/crypto/vectors.txt for tests/unit/test_crypto.c: digests from
hashlib, signatures made by OpenSSL (through python3-cryptography), and edge cases built here
with plain integer arithmetic on the two curves. Deterministic where the signer is (Ed25519,
the edge cases); the ECDSA signatures are random each run, so rerunning rewrites them:

    /usr/bin/python3 tests/unit/gen_crypto_vectors.py

One case per line, fields separated by one space, byte strings in hex ("-" for empty):
    sha256 MSG DIGEST | sha512 MSG DIGEST
    ed25519 PUB MSG SIG OK NAME      (OK: 1 must verify, 0 must not)
    p256 PUB HASH DER OK NAME
The test flips one bit of every case with OK = 1 and NAME starting "random" and expects a
rejection.
"""
import hashlib
import os
import random

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "crypto", "vectors.txt")
rng = random.Random(20261122)
lines = []


def hx(b):
    return b.hex() if b else "-"


def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


# ---- SHA-256 / SHA-512: every length across the padding boundaries of both block sizes
for n in list(range(0, 260)) + [511, 512, 513, 1000, 4097]:
    m = bytes((i * 7 + n) & 0xFF for i in range(n))
    lines.append("sha256 %s %s" % (hx(m), hashlib.sha256(m).hexdigest()))
    lines.append("sha512 %s %s" % (hx(m), hashlib.sha512(m).hexdigest()))

# ---- Ed25519 arithmetic (RFC 8032 §5.1), for the edge cases
P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRTM1 = pow(2, (P - 1) // 4, P)


def ed_add(p, q):
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a = (y1 - x1) * (y2 - x2) % P
    b = (y1 + x1) * (y2 + x2) % P
    c = 2 * t1 * t2 * D % P
    d = 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def ed_mul(s, p):
    q = (0, 1, 1, 0)
    while s:
        if s & 1:
            q = ed_add(q, p)
        p = ed_add(p, p)
        s >>= 1
    return q


def ed_x(y, sign):
    """x for y with the given low bit, or None (no point, or x = 0 with sign 1)."""
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRTM1 % P
    if (x * x - x2) % P:
        return None
    return P - x if (x & 1) != sign else x


def ed_point(y, sign=0):
    x = ed_x(y, sign)
    return (x, y, 1, x * y % P)


def ed_enc(p):
    zi = pow(p[2], P - 2, P)
    x, y = p[0] * zi % P, p[1] * zi % P
    return (y | (x & 1) << 255).to_bytes(32, "little")


def ed_eq(p, q):
    return (p[0] * q[2] - q[0] * p[2]) % P == 0 and (p[1] * q[2] - q[1] * p[2]) % P == 0


B = ed_point(4 * pow(5, P - 2, P) % P, 0)
IDENT = (0, 1, 1, 0)


def ed_k(r_enc, a_enc, m):
    return int.from_bytes(hashlib.sha512(r_enc + a_enc + m).digest(), "little") % L


lenient = []  # cases OpenSSL accepts and boot/ must not


def ed(pub, msg, sig, ok, name):
    try:
        Ed25519PublicKey.from_public_bytes(pub).verify(sig, msg)
        ossl = 1
    except Exception:
        ossl = 0
    if ok and not ossl:
        raise SystemExit("OpenSSL rejects the valid case " + name)
    if ossl and not ok:
        lenient.append("ed25519 " + name)
    lines.append("ed25519 %s %s %s %d %s" % (hx(pub), hx(msg), hx(sig), ok, name))


# 200 random keys and messages signed by OpenSSL
for i in range(200):
    k = Ed25519PrivateKey.from_private_bytes(rbytes(32))
    pub = k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    msg = rbytes(rng.choice([0, 1, 31, 32, 33, 64, 111, 112, 127, 128, 129, rng.randrange(300)]))
    ed(pub, msg, k.sign(msg), 1, "random%d" % i)

# S out of range: S + L (the same S, non-canonical: signature malleability), S = L, S = 2^256-1
k = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
pub = k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
msg = b"S must be below L"
sig = k.sign(msg)
s = int.from_bytes(sig[32:], "little")
ed(pub, msg, sig, 1, "S_ok")
ed(pub, msg, sig[:32] + (s + L).to_bytes(32, "little"), 0, "S_plus_L")
ed(pub, msg, sig[:32] + L.to_bytes(32, "little"), 0, "S_eq_L")
ed(pub, msg, sig[:32] + L.to_bytes(32, "little")[:31] + b"\x20", 0, "S_top_bit_253")
ed(pub, msg, sig[:32] + b"\xff" * 32, 0, "S_all_ones")
ed(pub, msg, sig[:32] + (L - 1).to_bytes(32, "little"), 0, "S_L_minus_1_wrong")

# Non-canonical encodings. With A the neutral element, [k]A vanishes, so (R = [r]B, S = r)
# verifies for every message: a decoder that let the encodings below through would accept.
r = 0x1234567890ABCDEF
R = ed_enc(ed_mul(r, B))
S = r.to_bytes(32, "little")
ident = (1).to_bytes(32, "little")
ed(ident, b"m", R + S, 1, "A_identity")
ed((P + 1).to_bytes(32, "little"), b"m", R + S, 0, "A_identity_y_is_p_plus_1")
ed((1 | 1 << 255).to_bytes(32, "little"), b"m", R + S, 0, "A_identity_x0_sign1")
ed(((P - 1) | 1 << 255).to_bytes(32, "little"), b"m", R + S, 0, "A_order2_x0_sign1")
ed((P - 1).to_bytes(32, "little"), b"m", R + (0).to_bytes(32, "little"), 0, "A_order2_wrong")
# R the neutral element with S = 0 and A too: [0]B = R + [k]A holds
ed(ident, b"m", ident + bytes(32), 1, "R_identity")
ed(ident, b"m", (P + 1).to_bytes(32, "little") + bytes(32), 0, "R_identity_y_is_p_plus_1")
ed(ident, b"m", (1 | 1 << 255).to_bytes(32, "little") + bytes(32), 0, "R_identity_x0_sign1")
# y = p (which is y = 0, a valid point: x = ±sqrt(-1)) and y = 2^255 - 1 (= 18)
for y in (P, 2**255 - 1, 2**255 - 19 + 2):
    for sign in (0, 1):
        ed((y | sign << 255).to_bytes(32, "little"), b"m", R + S, 0, "A_y_noncanonical_%x_%d" % (y - P, sign))
# y with no x on the curve, as A and as R
y = 2
while ed_x(y, 0) is not None:
    y += 1
ed(y.to_bytes(32, "little"), b"m", R + S, 0, "A_not_on_curve")
ed(ident, b"m", y.to_bytes(32, "little") + bytes(32), 0, "R_not_on_curve")

# Cofactorless, not cofactored: A = [a]B + T with T of order 8. S = r + k a satisfies
# [8][S]B = [8]R + [8][k]A always, [S]B = R + [k]A only when 8 divides k.
T = None
yy = 3
while T is None:
    x = ed_x(yy, 0)
    if x is not None:
        cand = ed_mul(L, (x, yy, 1, x * yy % P))
        if not ed_eq(ed_mul(4, cand), IDENT):
            T = cand
    yy += 1
a = 0x0F1E2D3C4B5A69788796A5B4C3D2E1F00112233445566778899AABBCCDDEEFF % L
A = ed_enc(ed_add(ed_mul(a, B), T))
got = {0: 0, 1: 0}
i = 0
while got[0] < 2 or got[1] < 2:
    m = b"mixed order %d" % i
    i += 1
    rr = (0xABCDEF + i) % L
    Re = ed_enc(ed_mul(rr, B))
    kk = ed_k(Re, A, m)
    ok = 1 if kk % 8 == 0 else 0
    if got[ok] >= 2:
        continue
    got[ok] += 1
    ed(A, m, Re + ((rr + kk * a) % L).to_bytes(32, "little"), ok, "mixed_order%d_k_mod8_%d" % (i, kk % 8))

# ---- P-256
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
PP = 2**256 - 2**224 + 2**192 + 2**96 - 1


def der_int(v, pad=None):
    b = v.to_bytes(max(1, (v.bit_length() + 7) // 8), "big")
    if pad is None:
        pad = b[0] >= 0x80
    if pad:
        b = b"\x00" + b
    return b"\x02" + bytes([len(b)]) + b


def der_sig(r, s):
    body = der_int(r) + der_int(s)
    return b"\x30" + bytes([len(body)]) + body


def p256(pub, h, der, ok, name):
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), pub).verify(
            der, h, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
        ossl = 1
    except Exception:
        ossl = 0
    # OpenSSL's DER reader is the lenient one (it takes some of the malformed encodings
    # below); on well-formed input it must agree
    if ok and not ossl:
        raise SystemExit("OpenSSL rejects the valid case " + name)
    if ossl and not ok:
        lenient.append("p256 " + name)
    lines.append("p256 %s %s %s %d %s" % (hx(pub), hx(h), hx(der), ok, name))


def pub_of(k):
    return k.public_key().public_bytes(serialization.Encoding.X962,
                                       serialization.PublicFormat.UncompressedPoint)


def sign(k, h):
    return k.sign(h, ec.ECDSA(utils.Prehashed(hashes.SHA256())))


for i in range(200):
    k = ec.generate_private_key(ec.SECP256R1())
    msg = rbytes(rng.randrange(200))
    h = hashlib.sha256(msg).digest()
    p256(pub_of(k), h, k.sign(msg, ec.ECDSA(hashes.SHA256())), 1, "random%d" % i)

k = ec.derive_private_key(0xC0FFEE1234567890, ec.SECP256R1())
pub = pub_of(k)
h = hashlib.sha256(b"edge cases").digest()
sig = sign(k, h)
r, s = utils.decode_dss_signature(sig)
p256(pub, h, der_sig(r, s), 1, "base")
p256(pub, h, der_sig(r, N - s), 1, "high_s")  # ECDSA accepts both s and n - s
p256(pub, hashlib.sha256(b"edge cases!").digest(), der_sig(r, s), 0, "wrong_hash")
for name, rv, sv in [("r_0", 0, s), ("s_0", r, 0), ("r_n", N, s), ("s_n", r, N),
                     ("r_plus_n", r + N, s) if r + N < 2**256 else ("r_n_plus_1", N + 1, s),
                     ("s_plus_n", r, s + N) if s + N < 2**256 else ("s_n_plus_1", r, N + 1),
                     ("r_max", 2**256 - 1, s), ("s_max", r, 2**256 - 1),
                     ("r_257_bits", r + 2**256, s), ("s_1", r, 1), ("r_1", 1, s)]:
    p256(pub, h, der_sig(rv, sv), 0, name)
# malformed DER around the valid (r, s)
good = der_sig(r, s)
ri, si = der_int(r), der_int(s)
bad = {
    "empty": b"",
    "seq_only": b"\x30\x00",
    "tag_set": b"\x31" + good[1:],
    "seq_len_plus1": good[:1] + bytes([good[1] + 1]) + good[2:],
    "seq_len_minus1": good[:1] + bytes([good[1] - 1]) + good[2:],
    "trailing_byte": good + b"\x00",
    "trailing_in_seq": b"\x30" + bytes([len(ri + si) + 1]) + ri + si + b"\x00",
    "seq_long_form": b"\x30\x81" + bytes([len(ri + si)]) + ri + si,
    "int_long_form": b"\x30" + bytes([len(ri + si) + 1]) + b"\x02\x81" + ri[1:] + si,
    "r_leading_zero": b"\x30" + bytes([len(ri + si) + 1]) + b"\x02" + bytes([ri[1] + 1]) + b"\x00" + ri[2:] + si,
    "s_leading_zero": b"\x30" + bytes([len(ri + si) + 1]) + ri + b"\x02" + bytes([si[1] + 1]) + b"\x00" + si[2:],
    "r_int_len_plus1": b"\x30" + bytes([good[1]]) + b"\x02" + bytes([ri[1] + 1]) + ri[2:] + si,
    "r_int_len_minus1": b"\x30" + bytes([good[1]]) + b"\x02" + bytes([ri[1] - 1]) + ri[2:] + si,
    "one_int": b"\x30" + bytes([len(ri)]) + ri,
    "three_ints": b"\x30" + bytes([len(ri + si + si)]) + ri + si + si,
    "r_empty": b"\x30" + bytes([2 + len(si)]) + b"\x02\x00" + si,
    "r_wrong_tag": b"\x30" + bytes([good[1]]) + b"\x03" + ri[1:] + si,
    "indefinite": b"\x30\x80" + ri + si + b"\x00\x00",
    "truncated": good[:-1],
    "seq_len_huge": b"\x30\x7f" + ri + si,
}
# negative INTEGERs: an r (and an s) with the top bit set, its 0x00 pad dropped
for i in range(20000):
    if {"r_negative", "s_negative", "short_r"} <= set(bad):
        break
    hh = hashlib.sha256(b"neg %d" % i).digest()
    sg = sign(k, hh)
    r2, s2 = utils.decode_dss_signature(sg)
    if r2 >> 255 and "r_negative" not in bad:
        body = der_int(r2, pad=False) + der_int(s2)
        bad["r_negative"] = (b"\x30" + bytes([len(body)]) + body, hh)
    if s2 >> 255 and "s_negative" not in bad:
        body = der_int(r2) + der_int(s2, pad=False)
        bad["s_negative"] = (b"\x30" + bytes([len(body)]) + body, hh)
    if r2.bit_length() <= 247 and "short_r" not in bad:
        bad["short_r"] = (der_sig(r2, s2), hh)  # valid: r needs at most 31 bytes
        p256(pub, hh, der_sig(r2, s2), 1, "short_r")
        body = b"\x02\x20" + r2.to_bytes(32, "big") + der_int(s2)  # r padded to 32 bytes
        bad["short_r_padded"] = (b"\x30" + bytes([len(body)]) + body, hh)
assert {"r_negative", "s_negative", "short_r"} <= set(bad)
for name, v in bad.items():
    der, hh = v if isinstance(v, tuple) else (v, h)
    if name != "short_r":
        p256(pub, hh, der, 0, "der_" + name)
# keys: off the curve, coordinates out of range, infinity, compressed
x = int.from_bytes(pub[1:33], "big")
y = int.from_bytes(pub[33:], "big")
p256(b"\x04" + pub[1:33] + ((y + 1) % PP).to_bytes(32, "big"), h, good, 0, "key_off_curve")
p256(b"\x04" + pub[1:33] + (PP - y).to_bytes(32, "big"), h, good, 0, "key_negated")
p256(b"\x04" + bytes(64), h, good, 0, "key_zero")
p256(b"\x00" + bytes(64), h, good, 0, "key_infinity")
p256(b"\x02" + pub[1:33] + bytes(32), h, good, 0, "key_compressed_prefix")
p256(b"\x05" + pub[1:], h, good, 0, "key_bad_prefix")
p256(b"\x04" + PP.to_bytes(32, "big") + pub[33:], h, good, 0, "key_x_is_p")
p256(b"\x04" + pub[1:33] + (y + PP).to_bytes(32, "big") if y + PP < 2**256 else b"\x04" + pub[1:33] + b"\xff" * 32,
     h, good, 0, "key_y_plus_p")
# degenerate sums: Q = G (G + Q doubles), Q = -G (G + Q at infinity), Q = 2G; hashes at and
# above n; a zero hash
for d in (1, N - 1, 2, N - 2):
    kd = ec.derive_private_key(d, ec.SECP256R1())
    for j in range(3):
        hh = hashlib.sha256(b"degenerate %d %d" % (d & 0xFFFF, j)).digest()
        p256(pub_of(kd), hh, sign(kd, hh), 1, "key_d_%s_%d" % ("n_minus_%d" % (N - d) if d > 2 else d, j))
for name, hh in [("hash_ff", b"\xff" * 32), ("hash_n", N.to_bytes(32, "big")),
                 ("hash_zero", bytes(32)), ("hash_n_plus_1", (N + 1).to_bytes(32, "big"))]:
    p256(pub, hh, sign(k, hh), 1, name)
# e = n is e = 0: the signature of a zero hash verifies for the hash n too
hz = bytes(32)
sz = sign(k, hz)
p256(pub, N.to_bytes(32, "big"), sz, 1, "hash_n_equiv_zero")

# Seeds for fuzz/fuzz_crypto.c (first byte odd: Ed25519 pub || sig || msg; even: P-256
# pub || hash || der): some valid cases and some of the edge cases, to mutate from.
SEEDS = os.path.join(os.path.dirname(OUT), "fuzz")
os.makedirs(SEEDS, exist_ok=True)
for old in os.listdir(SEEDS):
    os.remove(os.path.join(SEEDS, old))
keep = {"random0", "random1", "random2", "S_plus_L", "A_identity", "R_identity", "A_not_on_curve",
        "base", "high_s", "key_d_1_0", "key_d_n_minus_1_0", "der_r_negative", "der_trailing_byte",
        "short_r", "hash_ff", "key_off_curve"}
for ln in lines:
    f = ln.split(" ")
    if f[0] in ("ed25519", "p256") and (f[5] in keep or f[5].startswith("mixed_order1_")):
        b = [bytes.fromhex(x) if x != "-" else b"" for x in f[1:4]]
        data = b"\x01" + b[0] + b[2] + b[1] if f[0] == "ed25519" else b"\x00" + b[0] + b[1] + b[2]
        with open(os.path.join(SEEDS, "%s_%s" % (f[0], f[5])), "wb") as out:
            out.write(data)

with open(OUT, "w") as f:
    f.write("# tests/unit/data/crypto/vectors.txt: written by tests/unit/gen_crypto_vectors.py; "
            "see there.\n")
    f.write("\n".join(lines) + "\n")
print("%s: %d cases" % (OUT, len(lines)))
print("accepted by OpenSSL, rejected here:", " ".join(lenient) or "none")

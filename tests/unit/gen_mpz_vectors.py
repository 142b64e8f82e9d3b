#!/usr/bin/python3
"""Generates tests/unit/data/mpz_vectors.txt: reference results for tests/unit/test_mpz.c,
computed by CPython's int. Deterministic (fixed seed); rerun after changing it:

    /usr/bin/python3 tests/unit/gen_mpz_vectors.py

One case per line, numbers in hex (bitwise ops: signed hex), shift counts in decimal:
    add A B R | sub A B R | mul A B R | sqr A R | divmod A B Q R | shl A S R | shr A S R
    and A B R | or A B R | xor A B R | powmod B E M R | tostr BASE A STR | fromstr BASE STR A
"""
import os
import random
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "mpz_vectors.txt")
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
rng = random.Random(20240601)


def h(x):
    return ("-" + format(-x, "x")) if x < 0 else format(x, "x")


def to_base(x, base):
    if x == 0:
        return "0"
    out = []
    while x:
        x, r = divmod(x, base)
        out.append(DIGITS[r])
    return "".join(reversed(out))


def to_base_fast(x, base):
    if base == 10:
        return str(x)
    if base in (2, 8, 16):
        return format(x, {2: "b", 8: "o", 16: "x"}[base])
    return to_base(x, base)


def rnd(nbits):
    """A random number of about nbits bits, often with long runs of 0 or 1 bits."""
    if nbits == 0:
        return 0
    kind = rng.randrange(6)
    x = rng.getrandbits(nbits) | (1 << (nbits - 1))
    if kind == 0:  # all ones
        x = (1 << nbits) - 1
    elif kind == 1:  # power of two
        x = 1 << (nbits - 1)
    elif kind == 2:  # power of two plus or minus a little
        x = (1 << (nbits - 1)) + rng.randrange(-3, 4) if nbits > 3 else x
    elif kind == 3:  # runs of ones and zeros at digit boundaries
        x = 0
        for i in range(0, nbits, 32):
            x |= rng.choice([0, 0xFFFFFFFF, 0x80000000, 1, rng.getrandbits(32)]) << i
        x &= (1 << nbits) - 1
        x |= 1 << (nbits - 1)
    return max(x, 0)


SIZES = [0, 1, 2, 31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 128, 129, 200, 500, 1000, 1279,
         1280, 1281, 2000, 2560]


def sizes():
    return rng.choice(SIZES + [rng.randrange(1, 1500)])


def main():
    lines = []
    for _ in range(150):
        a, b = rnd(sizes()), rnd(sizes())
        lines.append(f"add {h(a)} {h(b)} {h(a + b)}")
        if a < b:
            a, b = b, a
        lines.append(f"sub {h(a)} {h(b)} {h(a - b)}")
    for _ in range(150):
        a, b = rnd(sizes()), rnd(sizes())
        lines.append(f"mul {h(a)} {h(b)} {h(a * b)}")
    # Karatsuba sizes, balanced and unbalanced
    for na, nb in [(1280, 1280), (1300, 1290), (2560, 1300), (5000, 1280), (20000, 20000),
                   (40000, 39000), (60000, 2000), (33000, 17000)]:
        a, b = rnd(na), rnd(nb)
        lines.append(f"mul {h(a)} {h(b)} {h(a * b)}")
    for n in [1, 32, 33, 64, 500, 1279, 1280, 1281, 2600, 5000, 20000, 40000]:
        a = rnd(n)
        lines.append(f"sqr {h(a)} {h(a * a)}")
    for _ in range(250):
        a, b = rnd(sizes()), rnd(sizes())
        if b == 0:
            b = 1
        if rng.randrange(3) == 0:  # quotient digits near the 2^32 boundary
            b = (1 << (32 * rng.randrange(1, 5))) - rng.randrange(1, 100)
            a = b * rnd(sizes()) + rng.randrange(b)
        q, r = divmod(a, b)
        lines.append(f"divmod {h(a)} {h(b)} {h(q)} {h(r)}")
    # the classic add-back case (Knuth D step D6)
    for a, b in [(0x7FFF800000000000 << 64, 0x800000000001 << 32),
                 ((1 << 128) - 1, (1 << 64) + 3), (0x8000000000000000000000000000, 0x80000000000000000001)]:
        lines.append(f"divmod {h(a)} {h(b)} {h(a // b)} {h(a % b)}")
    for _ in range(200):
        a = rnd(sizes())
        s = rng.choice([0, 1, 31, 32, 33, 63, 64, 65, rng.randrange(0, 3000)])
        lines.append(f"shl {h(a)} {s} {h(a << s)}")
        lines.append(f"shr {h(a)} {s} {h(a >> s)}")
    for _ in range(120):
        a, b = rnd(sizes()) * rng.choice([1, -1]), rnd(sizes()) * rng.choice([1, -1])
        lines.append(f"and {h(a)} {h(b)} {h(a & b)}")
        lines.append(f"or {h(a)} {h(b)} {h(a | b)}")
        lines.append(f"xor {h(a)} {h(b)} {h(a ^ b)}")
    for _ in range(60):
        m = rnd(rng.choice([1, 32, 64, 100, 500, 1300]))
        if m == 0:
            m = 7
        b = rnd(rng.choice([0, 1, 32, 100, 2000])) % m
        e = rnd(rng.choice([0, 1, 5, 64, 200]))
        lines.append(f"powmod {h(b)} {h(e)} {h(m)} {h(pow(b, e, m))}")
    # zero divisors (b^k == 0 mod m) and every window size
    for m, b in [(2**64, 2), (2**96, 6), (3**40, 3 * 7), (2**33 * 5, 10)]:
        for ebits in [1, 3, 7, 24, 25, 80, 81, 240, 241, 1000]:
            e = rnd(ebits)
            lines.append(f"powmod {h(b)} {h(e)} {h(m)} {h(pow(b, e, m))}")
    for ebits in [7, 24, 80, 240, 700, 2000]:
        m = rnd(700) | 1
        b, e = rnd(650), rnd(ebits)
        lines.append(f"powmod {h(b)} {h(e)} {h(m)} {h(pow(b, e, m))}")
    for _ in range(200):
        base = rng.randrange(2, 37)
        a = rnd(rng.choice([0, 1, 31, 32, 64, 100, 960, 1000, 2000, 5000]))
        lines.append(f"tostr {base} {h(a)} {to_base_fast(a, base)}")
    for base, a in [(10, 3 ** 100000), (10, 10 ** 12000 - 1), (10, 10 ** 9000), (7, 7 ** 10000),
                    (36, rnd(40000)), (3, rnd(20000)), (10, rnd(60000))]:
        lines.append(f"tostr {base} {h(a)} {to_base_fast(a, base)}")
    for _ in range(200):
        base = rng.randrange(2, 37)
        n = rng.choice([1, 5, 9, 10, 50, 270, 300, 1000, 2000])
        s = "".join(rng.choice(DIGITS[:base]) for _ in range(n))
        if rng.randrange(3) == 0:
            s = "0" * rng.randrange(1, 20) + s
        if rng.randrange(4) == 0:
            s = s.upper()
        lines.append(f"fromstr {base} {s} {h(int(s, base))}")
    for base, s in [(10, "9" * 20000), (10, "1" + "0" * 10000), (36, "z" * 10000),
                    (3, "2" * 20000), (10, "".join(rng.choice("0123456789") for _ in range(20000)))]:
        lines.append(f"fromstr {base} {s} {h(int(s, base))}")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} cases to {OUT}")


if __name__ == "__main__":
    main()

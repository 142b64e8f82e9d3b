// py/mpz.h: arbitrary-precision natural numbers as little-endian arrays of 32-bit digits.
// A number is (const py_mpz_dig *a, size_t an): a[0] is the least significant digit. It is
// "normalised" when an == 0 (zero) or a[an - 1] != 0. Every function takes normalised
// inputs unless it says otherwise and returns the normalised length of its result.
//
// Nothing here allocates, raises or keeps state: the caller passes output buffers (and
// scratch space) of the documented sizes, so the code runs in any context (thread or ISR)
// and is unit-tested without an interpreter. Signs and objects are py/objint.c's business.
//
// Digit choice: 32-bit digits with 64-bit products. Both the 64-bit host and Cortex-M3
// (UMULL/UMLAL) multiply 32x32->64 natively, so the inner loops need no carry tricks. Hosts
// with a 128-bit type run the hot loops on digit pairs (64-bit words) inside py/mpz.c; the
// layout stays 32-bit everywhere. Divisions by a digit (and Knuth's quotient estimates)
// multiply by a reciprocal: no 64/32 division, which is a library call on the M3.
#ifndef PY_MPZ_H
#define PY_MPZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t py_mpz_dig;
typedef uint64_t py_mpz_ddig;
#define PY_MPZ_DIG_BITS 32
#define PY_MPZ_DIG_MAX UINT32_MAX

// Operand size (in digits, of the smaller factor) from which multiplication and squaring
// switch from schoolbook to Karatsuba (measured on x86-64; squaring's schoolbook is faster,
// so it switches later). PY_MPZ_SQR_THRESHOLD must not be below PY_MPZ_KARATSUBA_THRESHOLD.
#define PY_MPZ_KARATSUBA_THRESHOLD 32
#define PY_MPZ_SQR_THRESHOLD 48

// ---- basics -------------------------------------------------------------------------------
/** Length of a[0..n) without its leading zero digits. */
static inline size_t py_mpz_norm(const py_mpz_dig *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

/** Compares a and b: -1, 0 or 1. */
int py_mpz_cmp(const py_mpz_dig *a, size_t an, const py_mpz_dig *b, size_t bn);

/** Number of significant bits of a (0 for zero). */
size_t py_mpz_bit_length(const py_mpz_dig *a, size_t an);

/** Number of one bits of a. */
size_t py_mpz_popcount(const py_mpz_dig *a, size_t an);

// ---- addition and subtraction ---------------------------------------------------------
/** r = a + b. r has room for max(an, bn) + 1 digits and may be a or b; the last one is
 *  written only when it is not 0 (it needs no room when the sum cannot carry out). */
size_t py_mpz_add(py_mpz_dig *r, const py_mpz_dig *a, size_t an, const py_mpz_dig *b, size_t bn);

/** r = a - b, requires a >= b. r has room for an digits and may be a or b. */
size_t py_mpz_sub(py_mpz_dig *r, const py_mpz_dig *a, size_t an, const py_mpz_dig *b, size_t bn);

// ---- multiplication ------------------------------------------------------------------------
/** r = a * m + c (single digits m, c). r has room for an + 1 digits and may be a; the last
 *  one is written only when it is not 0 (it needs no room when the product fits an digits). */
size_t py_mpz_mul_1(py_mpz_dig *r, const py_mpz_dig *a, size_t an, py_mpz_dig m, py_mpz_dig c);

/** Scratch digits py_mpz_mul (and py_mpz_sqr when an == bn) needs; 0 below the Karatsuba
 *  threshold. */
size_t py_mpz_mul_scratch(size_t an, size_t bn);

/** r = a * b. r has room for an + bn digits, all written (the top ones may be zero), and must
 *  not overlap a or b. Inputs need not be normalised. scratch holds py_mpz_mul_scratch(an,
 *  bn) digits (may be NULL when that is 0). */
size_t py_mpz_mul(py_mpz_dig *r, const py_mpz_dig *a, size_t an, const py_mpz_dig *b, size_t bn,
                  py_mpz_dig *scratch);

/** r = a * a, about 1.5x faster than py_mpz_mul. Same rules, scratch py_mpz_mul_scratch(an,
 *  an). */
size_t py_mpz_sqr(py_mpz_dig *r, const py_mpz_dig *a, size_t an, py_mpz_dig *scratch);

// ---- division ---------------------------------------------------------------------------
/** q = a / d, returns a % d (d != 0). q has room for an digits (an - 1 suffice when a's top
 *  digit is below d: the quotient's top digit is then not written) and may be a; *qn gets
 *  q's normalised length. Multiplies by a reciprocal of d: no division instructions. */
py_mpz_dig py_mpz_divmod_1(py_mpz_dig *q, size_t *qn, const py_mpz_dig *a, size_t an, py_mpz_dig d);

/** a % d (d != 0), without the quotient. */
py_mpz_dig py_mpz_mod_1(const py_mpz_dig *a, size_t an, py_mpz_dig d);

/** Scratch digits py_mpz_divmod needs. */
static inline size_t py_mpz_divmod_scratch(size_t an, size_t bn) {
    return an + bn + 1;
}

/** q = a / b and r = a % b, for b != 0 (Knuth's algorithm D; O(an * bn)).
 *  q has room for an - bn + 1 digits (or 1 if an < bn), r for bn digits; either may be NULL
 *  when not wanted (its length pointer is then ignored). Neither may overlap a, b or scratch.
 *  scratch holds py_mpz_divmod_scratch(an, bn) digits. */
void py_mpz_divmod(py_mpz_dig *q, size_t *qn, py_mpz_dig *r, size_t *rn, const py_mpz_dig *a,
                   size_t an, const py_mpz_dig *b, size_t bn, py_mpz_dig *scratch);

// ---- shifts and bits --------------------------------------------------------------------
/** r = a << s. r has room for an + s / 32 + 1 digits and may be a. */
size_t py_mpz_shl(py_mpz_dig *r, const py_mpz_dig *a, size_t an, size_t s);

/** r = a >> s. r has room for an - s / 32 digits (nothing when that is <= 0) and may be a. */
size_t py_mpz_shr(py_mpz_dig *r, const py_mpz_dig *a, size_t an, size_t s);

/** True if any of the low s bits of a is set (what a right shift by s discards). */
bool py_mpz_low_bits_nonzero(const py_mpz_dig *a, size_t an, size_t s);

enum { PY_MPZ_AND, PY_MPZ_OR, PY_MPZ_XOR };
/** Bitwise op on signed values with Python's infinite two's-complement semantics: the
 *  operands are (aneg ? -a : a) and (bneg ? -b : b); the result is (*rneg ? -r : r).
 *  r has room for max(an, bn) + 1 digits and may be a or b. */
size_t py_mpz_bitwise(py_mpz_dig *r, bool *rneg, int op, const py_mpz_dig *a, size_t an, bool aneg,
                      const py_mpz_dig *b, size_t bn, bool bneg);

// ---- conversion to and from digit strings (bases 2..36) ----------------------------------
/** Upper bound of the characters py_mpz_to_str writes for an n-digit number. */
size_t py_mpz_str_len_bound(size_t an, int base);
/** Scratch digits py_mpz_to_str needs. */
size_t py_mpz_to_str_scratch(size_t an, int base);
/** Writes a's digits in `base`, most significant first, no sign, no prefix, no NUL ("0" for
 *  zero) and returns how many. Letters are 'a'..'z', or 'A'..'Z' when upper. Quadratic
 *  below a threshold, divide and conquer above it; linear for power-of-two bases. */
size_t py_mpz_to_str(char *out, const py_mpz_dig *a, size_t an, int base, bool upper,
                     py_mpz_dig *scratch);

/** Digits py_mpz_from_str's result may need for n characters. */
size_t py_mpz_from_str_bound(size_t n, int base);
/** Scratch digits py_mpz_from_str needs. */
size_t py_mpz_from_str_scratch(size_t n, int base);
/** Value of the digit string s[0..n): each byte must be a valid digit of `base`
 *  ('0'-'9', 'a'-'z', 'A'-'Z'; checked by the caller, e.g. with py_mpz_digit_value). r has
 *  room for py_mpz_from_str_bound(n, base) digits. */
size_t py_mpz_from_str(py_mpz_dig *r, const char *s, size_t n, int base, py_mpz_dig *scratch);

/** Value of the character c as a digit (0..35), or 36 or more if it is not one. */
static inline unsigned py_mpz_digit_value(char c) {
    unsigned u = (unsigned char)c;
    if (u - '0' < 10) {
        return u - '0';
    }
    u |= 0x20; // fold to lower case
    if (u - 'a' < 26) {
        return u - 'a' + 10;
    }
    return 99;
}

// ---- modular exponentiation --------------------------------------------------------------
/** Scratch digits py_mpz_powmod needs for a modulus of mn digits. */
size_t py_mpz_powmod_scratch(size_t mn);
/** r = (b ** e) % m, for m != 0 and b < m (reduce b first). Left-to-right sliding-window
 *  exponentiation (windows of up to 5 bits) with a division per step; r has room for mn
 *  digits. */
size_t py_mpz_powmod(py_mpz_dig *r, const py_mpz_dig *b, size_t bn, const py_mpz_dig *e, size_t en,
                     const py_mpz_dig *m, size_t mn, py_mpz_dig *scratch);

#endif // PY_MPZ_H

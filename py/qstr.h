// py/qstr.h: interned strings ("qstrs"), identified by a small integer.
// Identifiers, attribute names and short literals are interned once; equal qstrs are equal
// ids, so names compare and hash in O(1). Static qstrs are found by scanning the sources for
// PY_QSTR_<identifier> (plus the specials listed in py/qstrdefs.h); tools/gen_qstr.py writes
// their enum and a const table (flash on a target) to build/gen/py/qstr_gen.h. Dynamic qstrs
// (names in compiled code) live in the GC heap and are never freed.
#ifndef RTPY_PY_QSTR_H
#define RTPY_PY_QSTR_H

#include <stddef.h>
#include <stdint.h>

#include "py/qstr_gen.h" // enum { PY_QSTR_NULL, PY_QSTR_ (empty), PY_QSTR_xxx..., PY_QSTR_N_STATIC }

typedef uint32_t qstr;

// One entry of the static table (and the layout of dynamic entries).
typedef struct py_qstr_entry {
    uint32_t hash; // py_qstr_hash_bytes of the text, never 0
    uint32_t len;  // bytes, without the NUL
    const char *str;
} py_qstr_entry;

// FNV-1a over the bytes; the same function hashes str objects, so a str and the qstr with
// the same text have the same hash. 0 is reserved for "not computed" and maps to 1.
// FNV-1a cut to 30 bits: every str hash is then a small int on 32-bit targets too, so
// hash() of an interned and of a heap str agree everywhere (tools/gen_qstr.py must match).
static inline uint32_t py_qstr_hash_bytes(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    }
    h &= 0x3fffffffu;
    return h ? h : 1;
}

void py_qstr_init(void);
// Interns s[0..len) (need not be NUL-terminated); allocates on first use (MemoryError).
qstr py_qstr_from_strn(const char *s, size_t len);
qstr py_qstr_from_str(const char *s);
// The qstr with this text if it is already interned, else PY_QSTR_NULL. Never allocates.
qstr py_qstr_find(const char *s, size_t len);
const char *py_qstr_str(qstr q); // NUL-terminated
size_t py_qstr_len(qstr q);
uint32_t py_qstr_hash(qstr q);
const char *py_qstr_data(qstr q, size_t *len);

#endif // RTPY_PY_QSTR_H

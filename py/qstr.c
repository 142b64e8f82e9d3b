// py/qstr.c: interning. Static qstrs come from the generated const table and its hash slots;
// dynamic ones are appended to a pool in the GC heap (entries + their bytes) and indexed by
// an open-addressing table of ids. Nothing is ever removed, so ids stay valid forever.
#include <string.h>

#include "py/gc.h"
#include "py/qstr.h"
#include "py/runtime.h"
#include "py/state.h"

#include "py/qstr_table.h"

#define CHUNK 256

void py_qstr_init(void) {
    PY_S->qstr_pool = NULL;
    PY_S->qstr_n = PY_S->qstr_cap = 0;
    PY_S->qstr_index = NULL;
    PY_S->qstr_index_cap = 0;
    PY_S->qstr_chars_base = NULL;
    PY_S->qstr_chars = NULL;
    PY_S->qstr_chars_left = 0;
}

static const py_qstr_entry *entry(qstr q) {
    if (q < PY_QSTR_N_STATIC) {
        return &qstr_static[q];
    }
    return &PY_S->qstr_pool[q - PY_QSTR_N_STATIC];
}

static qstr find_static(const char *s, size_t len, uint32_t h) {
    for (uint32_t i = h & (PY_QSTR_STATIC_SLOTS - 1);; i = (i + 1) & (PY_QSTR_STATIC_SLOTS - 1)) {
        uint16_t q = qstr_static_slots[i];
        if (q == 0) {
            return PY_QSTR_NULL;
        }
        const py_qstr_entry *e = &qstr_static[q];
        if (e->hash == h && e->len == len && memcmp(e->str, s, len) == 0) {
            return q;
        }
    }
}

static qstr find_dynamic(const char *s, size_t len, uint32_t h) {
    uint32_t cap = PY_S->qstr_index_cap;
    if (cap == 0) {
        return PY_QSTR_NULL;
    }
    for (uint32_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        uint32_t slot = PY_S->qstr_index[i];
        if (slot == 0) {
            return PY_QSTR_NULL;
        }
        const py_qstr_entry *e = &PY_S->qstr_pool[slot - 1];
        if (e->hash == h && e->len == len && memcmp(e->str, s, len) == 0) {
            return slot - 1 + PY_QSTR_N_STATIC;
        }
    }
}

qstr py_qstr_find(const char *s, size_t len) {
    uint32_t h = py_qstr_hash_bytes(s, len);
    qstr q = find_static(s, len, h);
    return q ? q : find_dynamic(s, len, h);
}

static void index_insert(uint32_t *index, uint32_t cap, uint32_t h, uint32_t slot) {
    uint32_t i = h & (cap - 1);
    while (index[i]) {
        i = (i + 1) & (cap - 1);
    }
    index[i] = slot;
}

qstr py_qstr_from_strn(const char *s, size_t len) {
    uint32_t h = py_qstr_hash_bytes(s, len);
    qstr q = find_static(s, len, h);
    if (q == PY_QSTR_NULL) {
        q = find_dynamic(s, len, h);
    }
    if (q != PY_QSTR_NULL) {
        return q;
    }
    py_state *S = PY_S;
    // Grow the index first (keep it at most half full), then the pool, then store the bytes:
    // each step may raise MemoryError without leaving the tables inconsistent.
    if (2 * (S->qstr_n + 1) > S->qstr_index_cap) {
        uint32_t cap = S->qstr_index_cap ? S->qstr_index_cap * 2 : 64;
        uint32_t *index = py_gc_alloc(cap * sizeof(uint32_t), PY_GC_LEAF);
        for (uint32_t i = 0; i < S->qstr_n; i++) {
            index_insert(index, cap, S->qstr_pool[i].hash, i + 1);
        }
        S->qstr_index = index;
        S->qstr_index_cap = cap;
    }
    if (S->qstr_n == S->qstr_cap) {
        uint32_t cap = S->qstr_cap ? S->qstr_cap * 2 : 32;
        S->qstr_pool = py_gc_realloc(S->qstr_pool, cap * sizeof(py_qstr_entry));
        S->qstr_cap = cap;
    }
    char *dst;
    if (len + 1 > CHUNK / 2) {
        dst = py_gc_alloc(len + 1, PY_GC_LEAF);
    } else {
        if (len + 1 > S->qstr_chars_left) {
            // Pool entries point into chunks (interior pointers, which heap scanning
            // ignores), so each chunk's first word points to the previous chunk.
            char *chunk = py_gc_alloc(CHUNK, 0);
            *(char **)chunk = S->qstr_chars_base;
            S->qstr_chars_base = chunk;
            S->qstr_chars = chunk + sizeof(char *);
            S->qstr_chars_left = CHUNK - sizeof(char *);
        }
        dst = S->qstr_chars;
        S->qstr_chars += len + 1;
        S->qstr_chars_left -= len + 1;
    }
    py_memcpy(dst, s, len);
    dst[len] = 0;
    py_qstr_entry *e = &S->qstr_pool[S->qstr_n];
    e->hash = h;
    e->len = (uint32_t)len;
    e->str = dst;
    S->qstr_n++;
    index_insert(S->qstr_index, S->qstr_index_cap, h, S->qstr_n);
    return S->qstr_n - 1 + PY_QSTR_N_STATIC;
}

qstr py_qstr_from_str(const char *s) { return py_qstr_from_strn(s, strlen(s)); }
const char *py_qstr_str(qstr q) { return entry(q)->str; }
size_t py_qstr_len(qstr q) { return entry(q)->len; }
uint32_t py_qstr_hash(qstr q) { return entry(q)->hash; }
const char *py_qstr_data(qstr q, size_t *len) {
    const py_qstr_entry *e = entry(q);
    *len = e->len;
    return e->str;
}

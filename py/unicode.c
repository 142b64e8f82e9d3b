// py/unicode.c: lookups in the generated Unicode tables (py/unicode_tab.h; the layout is
// described in tools/gen_unicode.py). A code point's class comes from a run-length stream per
// 512-code-point block (at most ~150 runs to skip); case mappings are binary searches over
// ranges of code points sharing a delta. Invariant: the tables reproduce CPython 3.11's str
// methods for every code point (the generator checks it).
#include "py/unicode.h"
#include "py/objstr.h"
#include "py/unicode_tab.h"

// Letters of simple case pairs carry this class bit instead of PY_UC_LOWER/UPPER: the case
// tables say which of the two they are (see tools/gen_unicode.py).
#define UC_PAIRED 0x1000

static unsigned class_of(uint32_t cp) {
    if (cp < 0x100) {
        return uc_latin1[cp];
    }
    const uint8_t *p =
        uc_runs + uc_block_off[uc_plane_blocks[uc_plane[cp >> 16]][(cp >> UC_BLOCK_SHIFT) & 127]];
    uint32_t pos = cp & ((1u << UC_BLOCK_SHIFT) - 1);
    for (;;) {
        unsigned b = *p++;
        uint32_t n = b >> 5;
        if (n == 7) {
            n = 0;
            for (unsigned shift = 0;; shift += 7) {
                unsigned x = *p++;
                n |= (uint32_t)(x & 127) << shift;
                if (x < 128) {
                    break;
                }
            }
            n += 8;
        } else {
            n++;
        }
        if (pos < n) {
            return b & 31;
        }
        pos -= n;
    }
}

// ---- case ranges -------------------------------------------------------------------------------
static inline uint32_t range_start(const uc_range *r) {
    return r->key & 0x1fffff;
}

static bool range_has(const uc_range *r, uint32_t start, uint32_t cp) {
    uint32_t count = ((r->key >> 21) & 127) + 1, step = (r->key >> 28 & 1) + 1;
    uint32_t d = cp - start;
    return cp >= start && d < count * step && d % step == 0;
}

// The delta of the range of r[0..n) (sorted by start) holding cp, or false if none does.
static bool range_find(const uc_range *r, size_t n, uint32_t cp, int32_t *delta) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (range_start(&r[mid]) <= cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0 || !range_has(&r[lo - 1], range_start(&r[lo - 1]), cp)) {
        return false;
    }
    *delta = r[lo - 1].delta;
    return true;
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

// Simple (single code point) mappings of code points without special mappings.
static uint32_t simple_lower(uint32_t cp) {
    int32_t d;
    if (range_find(uc_pairs, N_OF(uc_pairs), cp, &d) ||
        range_find(uc_lower_only, N_OF(uc_lower_only), cp, &d)) {
        return (uint32_t)((int32_t)cp + d);
    }
    return cp;
}

static uint32_t simple_upper(uint32_t cp) {
    // the pairs by their lower case start: lower start = upper start + delta
    size_t lo = 0, hi = N_OF(uc_pair_by_lower);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const uc_range *r = &uc_pairs[uc_pair_by_lower[mid]];
        if ((uint32_t)((int32_t)range_start(r) + r->delta) <= cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0) {
        const uc_range *r = &uc_pairs[uc_pair_by_lower[lo - 1]];
        if (range_has(r, (uint32_t)((int32_t)range_start(r) + r->delta), cp)) {
            return (uint32_t)((int32_t)cp - r->delta);
        }
    }
    int32_t d;
    if (range_find(uc_upper_only, N_OF(uc_upper_only), cp, &d)) {
        return (uint32_t)((int32_t)cp + d);
    }
    return cp;
}

unsigned py_unicode_flags(uint32_t cp) {
    if (cp > 0x10ffff) {
        return 0;
    }
    unsigned f = uc_class_flags[class_of(cp)];
    if (f & UC_PAIRED) {
        // ASCII letters are all paired
        bool lower = cp < 0x80 ? cp >= 'a' : simple_upper(cp) != cp;
        f = (f & ~(unsigned)UC_PAIRED) | (lower ? PY_UC_LOWER : PY_UC_UPPER);
    }
    return f;
}

int py_unicode_decimal(uint32_t cp) {
    if (cp < 0x80) {
        return cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
    }
    if (!(py_unicode_flags(cp) & PY_UC_DECIMAL)) {
        return -1;
    }
    // Nd characters come in runs of whole sets of ten, 0 to 9
    uint32_t n = 0;
    while (py_unicode_flags(cp - n - 1) & PY_UC_DECIMAL) {
        n++;
    }
    return (int)(n % 10);
}

bool py_unicode_isprintable(uint32_t cp) {
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7f;
    }
    return (py_unicode_flags(cp) & PY_UC_PRINT) != 0;
}

static const uc_special *find_special(uint32_t cp) {
    if (cp < uc_specials[0].cp || cp > uc_specials[N_OF(uc_specials) - 1].cp) {
        return NULL;
    }
    size_t lo = 0, hi = N_OF(uc_specials);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (uc_specials[mid].cp < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < N_OF(uc_specials) && uc_specials[lo].cp == cp ? &uc_specials[lo] : NULL;
}

size_t py_unicode_case_map(uint32_t cp, int which, uint32_t out[3]) {
    if (cp < 0x80) {
        bool up = which == PY_UC_MAP_UPPER || which == PY_UC_MAP_TITLE;
        out[0] =
            up ? (cp >= 'a' && cp <= 'z' ? cp - 32 : cp) : (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return 1;
    }
    const uc_special *sp = find_special(cp);
    if (sp != NULL) {
        unsigned off = sp->off[which];
        if (off == 0) {
            out[0] = cp;
            return 1;
        }
        size_t n = off >> 14;
        for (size_t i = 0; i < n; i++) {
            out[i] = uc_pool[(off & 0x3fff) + i];
        }
        return n;
    }
    int32_t d;
    switch (which) {
    case PY_UC_MAP_UPPER: out[0] = simple_upper(cp); break;
    case PY_UC_MAP_LOWER: out[0] = simple_lower(cp); break;
    case PY_UC_MAP_TITLE:
        out[0] = range_find(uc_title, N_OF(uc_title), cp, &d) ? (uint32_t)((int32_t)cp + d)
                                                              : simple_upper(cp);
        break;
    default:
        out[0] = range_find(uc_fold, N_OF(uc_fold), cp, &d) ? (uint32_t)((int32_t)cp + d)
                                                            : simple_lower(cp);
        break;
    }
    return 1;
}

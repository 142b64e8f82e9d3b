// modules/mod_struct.c: the struct module (CPython 3.11's): pack/unpack of C values to and
// from bytes by a format string, with native ('@': native sizes and alignment) or standard
// sizes in a chosen byte order ('=', '<', '>', '!'), calcsize, pack_into, unpack_from,
// iter_unpack and the Struct class. Errors are struct.error with CPython's messages, which
// depend on how CPython converts each code (a C long first, then the field's range; on a
// little-endian machine '<' and '=' convert like '@' where the sizes agree): carrier_of() and
// pack_int() model that. A format is compiled once into a small list of items with their
// offsets (a GC leaf allocation); a Struct keeps it, and the module functions share a cache
// of the last few.
// Non-goals: Struct.__init__ re-initialisation.
#include <float.h>
#include <math.h>
#include <string.h>

#include "modules/modules.h"
#include "py/gc.h"
#include "py/nlr.h"
#include "py/objbytes.h"
#include "py/objexc.h"
#include "py/objfloat.h"
#include "py/objint.h"
#include "py/runtime.h"
#include "py/state.h"

const py_type mod_struct_error = {
    .base = {&py_type_type},
    .name = PY_QSTR_error,
    .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID,
    .print = py_exc_print,
    .make_new = py_exc_make_new,
    .attr = py_exc_attr,
    .locals = (py_dict *)&py_exc_locals,
    .base_type = &py_type_Exception,
};

#define struct_error(...) py_raise_fmt(&mod_struct_error, __VA_ARGS__)

// Native alignment of a type: its offset after a char in a struct (what C compilers use).
#define ALIGN_OF(T)                                                                                \
    offsetof(                                                                                      \
        struct {                                                                                   \
            char c;                                                                                \
            T x;                                                                                   \
        },                                                                                         \
        x)

// ---- the codes ---------------------------------------------------------------------------------
typedef struct code_info {
    char code;
    uint8_t std_size; // 0: native only
    uint8_t native_size;
    uint8_t native_align;
} code_info;

static const code_info codes[] = {
    {'x', 1, 1, 1},
    {'c', 1, 1, 1},
    {'b', 1, 1, 1},
    {'B', 1, 1, 1},
    {'?', 1, sizeof(_Bool), ALIGN_OF(_Bool)},
    {'h', 2, sizeof(short), ALIGN_OF(short)},
    {'H', 2, sizeof(short), ALIGN_OF(short)},
    {'i', 4, sizeof(int), ALIGN_OF(int)},
    {'I', 4, sizeof(int), ALIGN_OF(int)},
    {'l', 4, sizeof(long), ALIGN_OF(long)},
    {'L', 4, sizeof(long), ALIGN_OF(long)},
    {'q', 8, sizeof(long long), ALIGN_OF(long long)},
    {'Q', 8, sizeof(long long), ALIGN_OF(long long)},
    {'n', 0, sizeof(size_t), ALIGN_OF(size_t)},
    {'N', 0, sizeof(size_t), ALIGN_OF(size_t)},
    {'e', 2, 2, ALIGN_OF(short)},
    {'f', 4, sizeof(float), ALIGN_OF(float)},
    {'d', 8, sizeof(double), ALIGN_OF(double)},
    {'s', 1, 1, 1},
    {'p', 1, 1, 1},
    {'P', 0, sizeof(void *), ALIGN_OF(void *)},
};

static bool host_little_endian(void) {
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

// ---- compiled formats -------------------------------------------------------------------------
// A format is compiled into one GC leaf allocation: the totals, then one entry per item that
// takes or yields values, with its offset already aligned (pad bytes and zero-count items
// are left out: the output is zeroed and they yield nothing), then, for a format in the
// cache, its text (the cache compares formats by content). A compiled format never changes,
// so Struct objects, iterators and the cache may share one.
//
//   sfmt: size | nargs | nitems | textlen | mode big swap cached | items[nitems] | text
//   item: offset | count | code size carrier  (12 bytes on 32-bit targets)

// One item: `count` repeats of a code (or, for 's'/'p', one string of `count` bytes).
typedef struct sitem {
    size_t offset; // of the first repeat, from the record's start
    size_t count;
    char code;
    uint8_t size;    // bytes per repeat
    uint8_t carrier; // integer codes: CARRIER_* (how CPython converts the value)
} sitem;

typedef struct sfmt {
    size_t size;  // bytes
    size_t nargs; // values packed or unpacked
    size_t nitems;
    size_t textlen; // bytes of text after the items (cached formats only)
    char mode;      // '@', '=', '<', '>' or '!'
    bool big;       // the byte order of the fields
    bool swap;      // floats: the order is not the machine's
    bool cached;    // entered the cache once (then it is never freed explicitly)
    sitem items[];
} sfmt;

// The module functions' cache: the most recently used formats first, in a heap array of
// CACHE_SIZE pointers kept in PY_S->module_roots. Only formats compiled into at most
// CACHE_MAX_BYTES enter it (128 on 32-bit targets: about 8 items), so it holds at most
// CACHE_SIZE * CACHE_MAX_BYTES bytes; a bigger one is freed after the call.
#define CACHE_SIZE 4
#define CACHE_MAX_BYTES (32 * sizeof(void *))

// Sizes are limited to what a Py_ssize_t holds, as in CPython.
#define SIZE_LIMIT ((size_t)PTRDIFF_MAX)

static const code_info *find_code(char c) {
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        if (codes[i].code == c) {
            return &codes[i];
        }
    }
    return NULL;
}

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_string_code(char c) {
    return c == 's' || c == 'p';
}

static int carrier_of(char mode, const code_info *ci);

// Reads the items of the format text p[0..end) in `mode` (raising struct.error for a bad
// format, in CPython's order) and returns how many take or yield values; with `items`, also
// fills them in. Totals go to *size and *nargs.
static size_t scan(char mode, const char *p, const char *end, sitem *items, size_t *size,
                   size_t *nargs) {
    bool native = mode == '@';
    size_t n = 0, pos = 0, args = 0;
    char last = 0; // the last item's code (0: none, or a string) and where it ends
    size_t last_end = 0;
    for (;;) {
        while (p < end && is_space(*p)) {
            p++;
        }
        if (p == end) {
            break;
        }
        size_t count = 1;
        if (*p >= '0' && *p <= '9') {
            count = 0;
            while (p < end && *p >= '0' && *p <= '9') {
                size_t digit = (size_t)(*p++ - '0');
                if (count > (SIZE_LIMIT - digit) / 10) {
                    struct_error("total struct size too long");
                }
                count = count * 10 + digit;
            }
            if (p == end) {
                struct_error("repeat count given without format specifier");
            }
        }
        char c = *p++;
        const code_info *ci = find_code(c);
        if (ci == NULL || (!native && ci->std_size == 0)) {
            struct_error("bad char in struct format");
        }
        size_t isize = native ? ci->native_size : ci->std_size;
        if (native) {
            size_t a = ci->native_align;
            pos = (pos + a - 1) / a * a;
        }
        size_t per = is_string_code(c) ? 1 : isize;
        if (pos > SIZE_LIMIT || (per && count > (SIZE_LIMIT - pos) / per)) {
            struct_error("total struct size too long");
        }
        bool str = is_string_code(c);
        if (!str && c == last && pos == last_end) {
            if (items) {
                items[n - 1].count += count; // "HH" as "2H": long formats stay small
            }
            last_end += count * per;
        } else if (str || (c != 'x' && count > 0)) {
            last = str ? 0 : c;
            last_end = pos + count * per;
            if (items) {
                sitem *it = &items[n];
                it->offset = pos;
                it->count = count;
                it->code = c;
                it->size = (uint8_t)isize;
                it->carrier = (uint8_t)carrier_of(mode, ci);
            }
            n++;
        }
        pos += count * per;
        args += str ? 1 : c == 'x' ? 0 : count;
    }
    *size = pos;
    *nargs = args;
    return n;
}

// The text of a format (str or bytes), else TypeError as CPython's Struct(); the module
// functions (`hashed`) first hash the format as CPython's cache lookup does ("unhashable
// type: 'bytearray'").
static const char *format_text(py_val fmt, size_t *len, bool hashed) {
    if (py_is_str(fmt)) {
        return py_get_str(fmt, len);
    }
    if (py_isinstance(fmt, &py_type_bytes)) {
        py_buffer b;
        py_get_buffer(fmt, &b, PY_BUFFER_READ);
        *len = b.len;
        return b.buf;
    }
    if (hashed) {
        py_hash(fmt);
    }
    py_raise_fmt(&py_type_TypeError, "Struct() argument 1 must be a str or bytes object, not %T",
                 fmt);
}

// Compiles the format fmt, whose text is s[0..len). With `for_cache`, a small result keeps
// its text and is marked `cached` (the caller enters it in the cache). Allocates.
static sfmt *compile(py_val fmt, const char *s, size_t len, bool for_cache) {
    if (py_is_str(fmt)) {
        for (size_t i = 0; i < len; i++) {
            if (s[i] & 0x80) {
                py_bytes_encode(fmt, py_qstr_val(PY_QSTR_ascii), PY_NULL); // raises as CPython
            }
        }
    }
    if (memchr(s, 0, len)) {
        struct_error("embedded null character");
    }
    const char *text = s;
    size_t text_len = len;
    char mode = '@';
    if (len && (s[0] == '@' || s[0] == '=' || s[0] == '<' || s[0] == '>' || s[0] == '!')) {
        mode = s[0];
        s++;
        len--;
    }
    size_t size, nargs;
    size_t n = scan(mode, s, s + len, NULL, &size, &nargs);
    size_t bytes = sizeof(sfmt) + n * sizeof(sitem);
    bool cache = for_cache && bytes + text_len <= CACHE_MAX_BYTES;
    sfmt *f = py_gc_alloc(bytes + (cache ? text_len : 0), PY_GC_LEAF);
    scan(mode, s, s + len, f->items, &f->size, &f->nargs);
    f->nitems = n;
    f->mode = mode;
    f->big = mode == '>' || mode == '!' || ((mode == '@' || mode == '=') && !host_little_endian());
    f->swap = f->big == host_little_endian();
    if (cache) {
        f->cached = true;
        f->textlen = text_len;
        py_memcpy(&f->items[n], text, text_len);
    }
    return f;
}

// a[0..n) == b[0..n), for the few bytes of a format (cheaper than a call to memcmp).
static bool same_text(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

// The compiled form of fmt, from the cache when it is there (no check needed then: only
// valid formats enter it); a small new one enters the cache, evicting the least recently
// used. Pass the result to release() when done with it, unless an object keeps it. `hashed`:
// for the module functions (see format_text).
static const sfmt *get_format(py_val fmt, bool hashed) {
    size_t len;
    const char *s = format_text(fmt, &len, hashed);
    sfmt **cache = (sfmt **)PY_S->module_roots[MOD_ROOT_STRUCT];
    if (cache) {
        for (size_t i = 0; i < CACHE_SIZE && cache[i]; i++) {
            sfmt *f = cache[i];
            if (f->textlen == len && same_text((const char *)&f->items[f->nitems], s, len)) {
                if (i) {
                    memmove(cache + 1, cache, i * sizeof(*cache)); // most recent first
                    cache[0] = f;
                }
                return f;
            }
        }
    }
    sfmt *f = compile(fmt, s, len, true);
    if (f->cached) {
        if (cache == NULL) {
            cache = py_gc_alloc(CACHE_SIZE * sizeof(*cache), 0);
            PY_S->module_roots[MOD_ROOT_STRUCT] = (py_val)cache;
        }
        memmove(cache + 1, cache, (CACHE_SIZE - 1) * sizeof(*cache));
        cache[0] = f;
    }
    return f;
}

// Gives back a format from get_format that no object keeps: one too big for the cache is
// freed at once (the collector would free it later).
static void release(const sfmt *f) {
    if (!f->cached) {
        py_gc_free((void *)f);
    }
}

// ---- integers
// ------------------------------------------------------------------------------------ How CPython
// converts an int for a code: into a C type first ("carrier": failing gives "argument out of
// range", or "int too large to convert" for 8-byte standard codes and 'P'), then into the field's
// range (failing gives the code's own message).
enum {
    CARRIER_LONG,
    CARRIER_ULONG,
    CARRIER_LL,
    CARRIER_ULL,
    CARRIER_SSIZE,
    CARRIER_SIZE,
    CARRIER_BYTES8,
    CARRIER_PTR
};

static bool is_signed_code(char c) {
    return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
}

// Whether code ci in this mode converts as the native code does (CPython reuses the native
// converters for the standard order matching the machine's when the sizes agree).
static bool native_conv(char mode, const code_info *ci) {
    if (mode == '@') {
        return true;
    }
    bool le = host_little_endian();
    bool same_order = mode == '=' || (mode == '<' && le) || ((mode == '>' || mode == '!') && !le);
    return same_order && ci->std_size == ci->native_size;
}

static int carrier_of(char mode, const code_info *ci) {
    char c = ci->code;
    if (native_conv(mode, ci)) {
        switch (c) {
        case 'I':
        case 'L': return CARRIER_ULONG;
        case 'q': return CARRIER_LL;
        case 'Q': return CARRIER_ULL;
        case 'n': return CARRIER_SSIZE;
        case 'N': return CARRIER_SIZE;
        case 'P': return CARRIER_PTR;
        default: return CARRIER_LONG; // b B h H i l
        }
    }
    switch (c) {
    case 'H':
    case 'I':
    case 'L': return CARRIER_ULONG;
    case 'q':
    case 'Q': return CARRIER_BYTES8;
    default: return CARRIER_LONG; // b B h i l
    }
}

// The carrier's size in bytes, and whether it is signed (for a value of sign `neg`).
static size_t carrier_size(int carrier) {
    switch (carrier) {
    case CARRIER_LONG:
    case CARRIER_ULONG: return sizeof(long);
    case CARRIER_SSIZE:
    case CARRIER_SIZE: return sizeof(size_t);
    case CARRIER_PTR: return sizeof(void *);
    default: return 8;
    }
}

static bool carrier_signed(int carrier, char c, bool neg) {
    switch (carrier) {
    case CARRIER_LONG:
    case CARRIER_SSIZE:
    case CARRIER_LL: return true;
    case CARRIER_BYTES8: return is_signed_code(c);
    case CARRIER_PTR: return neg; // a negative value as a signed pointer-sized int
    default: return false;
    }
}

// The int value of v (int or __index__), or struct.error.
static py_val int_of(py_val v) {
    py_val i = py_int_unwrap(v);
    if (i == PY_NULL) {
        const py_type *t = py_typeof(v);
        i = t->unary_op ? t->unary_op(PY_UOP_INDEX, v) : PY_NULL;
        if (i == PY_NULL) {
            struct_error("required argument is not an integer");
        }
    }
    return i;
}

// The int i in the carrier of csize bytes (signed or not) in *u (sign-extended to 64 bits);
// false if it does not fit. A small int is checked directly, others through int.to_bytes.
static bool to_carrier(py_val i, size_t csize, bool sgn, uint64_t *u) {
    if (py_is_small(i)) {
        int64_t x = py_small_get(i); // fits in 63 bits
        if (sgn) {
            int64_t lim = csize < 8 ? (int64_t)1 << (csize * 8 - 1) : INT64_MAX;
            if (csize < 8 && (x < -lim || x >= lim)) {
                return false;
            }
        } else if (x < 0 || (csize < 8 && x >> (csize * 8) != 0)) {
            return false;
        }
        *u = (uint64_t)x;
        return true;
    }
    uint8_t le[8];
    if (!py_int_to_bytes(i, le, csize, false, sgn)) {
        return false;
    }
    uint64_t r = 0;
    for (size_t k = csize; k-- > 0;) {
        r = (r << 8) | le[k];
    }
    if (sgn && csize < 8 && (le[csize - 1] & 0x80)) {
        r |= ~(uint64_t)0 << (csize * 8); // sign-extend
    }
    *u = r;
    return true;
}

// Packs an int into p[0..it->size) in f's byte order.
static void pack_int(const sfmt *f, const sitem *it, uint8_t *p, py_val v) {
    char c = it->code;
    py_val i = py_is_small(v) ? v : int_of(v);
    int carrier = it->carrier;
    size_t csize = carrier_size(carrier);
    bool sgn =
        carrier_signed(carrier, c, py_is_small(i) ? py_small_get(i) < 0 : py_int_sign(i) < 0);
    uint64_t u;
    if (!to_carrier(i, csize, sgn, &u)) {
        if (carrier == CARRIER_BYTES8 || carrier == CARRIER_PTR) {
            struct_error("int too large to convert");
        }
        struct_error("argument out of range");
    }
    // then the field's range
    size_t size = it->size;
    if (size < csize) {
        bool fsigned = is_signed_code(c);
        int64_t s = (int64_t)u;
        uint64_t umax = ((uint64_t)1 << (size * 8)) - 1;
        int64_t smin = -(int64_t)(umax / 2) - 1, smax = (int64_t)(umax / 2);
        bool bad =
            fsigned ? (s < smin || s > smax) : (sgn ? (s < 0 || (uint64_t)s > umax) : u > umax);
        if (bad) {
            bool native = native_conv(f->mode, find_code(c));
            if (c == 'b') {
                struct_error("byte format requires -128 <= number <= 127");
            } else if (c == 'B') {
                struct_error("ubyte format requires 0 <= number <= 255");
            } else if (c == 'h' && native) {
                struct_error("short format requires -32768 <= number <= 32767");
            } else if (c == 'H' && native) {
                struct_error("ushort format requires 0 <= number <= 65535");
            } else if (fsigned) {
                struct_error("'%c' format requires %ld <= number <= %ld", c, (long)smin,
                             (long)smax);
            }
            struct_error("'%c' format requires 0 <= number <= %lu", c, (unsigned long)umax);
        }
    }
    if (f->big) {
        for (size_t k = size; k-- > 0; u >>= 8) {
            p[k] = (uint8_t)u;
        }
    } else {
        for (size_t k = 0; k < size; k++, u >>= 8) {
            p[k] = (uint8_t)u;
        }
    }
}

static py_val unpack_int(char c, const uint8_t *p, size_t size, bool big) {
    uint64_t u = 0;
    if (big) {
        for (size_t k = 0; k < size; k++) {
            u = u << 8 | p[k];
        }
    } else {
        for (size_t k = size; k-- > 0;) {
            u = u << 8 | p[k];
        }
    }
    if (is_signed_code(c)) {
        if (size < 8 && (u >> (size * 8 - 1)) & 1) {
            u |= ~(uint64_t)0 << (size * 8);
        }
        return py_int_from_ll((long long)u);
    }
    return py_int_from_ull(u);
}

// ---- floats
// -------------------------------------------------------------------------------------- A float
// argument: anything float() takes; any failure is struct.error (as CPython, which replaces the
// error, even one raised by a __float__ method).
static double float_of(py_val v) {
    double d;
    if (py_float_unwrap(v, &d)) {
        return d;
    }
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        d = py_get_float(v);
        py_nlr_pop();
        return d;
    }
    struct_error("required argument is not a float");
}

// An OverflowError packing a float code; CPython reports it differently for int values.
static _Noreturn void float_overflow(py_val v, char code) {
    if (py_is_int(v)) {
        struct_error("int too large to convert");
    }
    py_raise_fmt(&py_type_OverflowError, "float too large to pack with %c format", code);
}

// x rounded to an integer, ties to even (x >= 0, exact in a double).
static double round_even(double x) {
    double r = floor(x), diff = x - r;
    if (diff > 0.5 || (diff == 0.5 && fmod(r, 2.0) != 0)) {
        r += 1;
    }
    return r;
}

// IEEE 754 binary16, rounded to nearest even; OverflowError beyond its range.
static uint16_t half_from_double(double d, py_val v) {
    uint16_t sign = signbit(d) ? 0x8000 : 0;
    if (isnan(d)) {
        return sign | 0x7e00;
    }
    double a = fabs(d);
    if (isinf(a)) {
        return sign | 0x7c00;
    }
    if (a == 0) {
        return sign;
    }
    int e;
    frexp(a, &e); // a = m * 2**e, m in [0.5, 1): the leading bit has weight 2**(e - 1)
    int E = e - 1;
    if (E < -14) {
        // subnormal: units of 2**-24 (may round up into the smallest normal: the bits carry)
        return sign | (uint16_t)round_even(ldexp(a, 24));
    }
    double mant = round_even(ldexp(a, 10 - E)); // 1024..2048
    if (mant == 2048) {
        mant = 1024;
        E++;
    }
    if (E > 15) {
        float_overflow(v, 'e');
    }
    return sign | (uint16_t)((E + 15) << 10) | (uint16_t)(mant - 1024);
}

static double half_to_double(uint16_t h) {
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double d;
    if (e == 0) {
        d = ldexp(m, -24);
    } else if (e == 31) {
        d = m ? NAN : INFINITY;
    } else {
        d = ldexp(m + 1024, e - 25);
    }
    return (h & 0x8000) ? -d : d;
}

static void put_bytes(uint8_t *p, const void *v, size_t n, bool swap) {
    const uint8_t *s = v;
    if (!swap) {
        memcpy(p, s, n);
        return;
    }
    for (size_t k = 0; k < n; k++) {
        p[k] = s[n - 1 - k];
    }
}

// (float)x, rounded to nearest even also beyond float's range (where C leaves the cast
// undefined): up to FLT_MAX plus half an ulp it is FLT_MAX, from there on infinity.
static float to_float(double x) {
    if (isfinite(x) && fabs(x) > FLT_MAX) {
        return (float)copysign(fabs(x) < 0x1.ffffffp127 ? FLT_MAX : INFINITY, x);
    }
    return (float)x;
}

// ---- packing ------------------------------------------------------------------------------------
// Packs args[0..f->nargs) into out[0..f->size) (zeroed by the caller).
static void pack_all(const sfmt *f, uint8_t *out, const py_val *args) {
    for (const sitem *it = f->items, *end = it + f->nitems; it < end; it++) {
        char c = it->code;
        uint8_t *d = out + it->offset;
        if (is_string_code(c)) {
            py_val v = *args++;
            if (!py_bytes_is_bytes_like(v)) {
                struct_error("argument for '%c' must be a bytes object", c);
            }
            py_buffer b;
            py_get_buffer(v, &b, PY_BUFFER_READ);
            size_t n = it->count;
            if (c == 's') {
                py_memcpy(d, b.buf, b.len < n ? b.len : n);
            } else if (n > 0) {
                size_t m = b.len < n - 1 ? b.len : n - 1;
                py_memcpy(d + 1, b.buf, m);
                d[0] = (uint8_t)(m > 255 ? 255 : m);
            }
            continue;
        }
        for (size_t k = 0; k < it->count; k++, d += it->size) {
            py_val v = *args++;
            switch (c) {
            case 'c': {
                if (!py_isinstance(v, &py_type_bytes) || py_len(v) != 1) {
                    struct_error("char format requires a bytes object of length 1");
                }
                py_buffer b;
                py_get_buffer(v, &b, PY_BUFFER_READ);
                *d = *(uint8_t *)b.buf;
                break;
            }
            case '?': *d = py_is_true(v); break;
            case 'e': {
                uint16_t h = half_from_double(float_of(v), v);
                d[f->big ? 0 : 1] = (uint8_t)(h >> 8);
                d[f->big ? 1 : 0] = (uint8_t)h;
                break;
            }
            case 'f': {
                double x = float_of(v);
                float y = to_float(x);
                if (f->mode != '@' && isinf(y) && !isinf(x)) {
                    float_overflow(v, 'f');
                }
                put_bytes(d, &y, 4, f->swap);
                break;
            }
            case 'd': {
                double x = float_of(v);
                put_bytes(d, &x, 8, f->swap);
                break;
            }
            default: pack_int(f, it, d, v); break;
            }
        }
    }
}

static py_val unpack_all(const sfmt *f, const uint8_t *in) {
    bool big = f->big;
    py_val tuple = py_tuple_new(f->nargs, NULL);
    py_val *out = ((py_tuple *)tuple)->items;
    for (const sitem *it = f->items, *end = it + f->nitems; it < end; it++) {
        char c = it->code;
        const uint8_t *d = in + it->offset;
        if (c == 's') {
            *out++ = py_bytes_new(d, it->count);
            continue;
        }
        if (c == 'p') {
            size_t n = it->count ? d[0] : 0;
            if (it->count && n >= it->count) {
                n = it->count - 1;
            }
            *out++ = py_bytes_new(d + 1, n);
            continue;
        }
        for (size_t k = 0; k < it->count; k++, d += it->size) {
            switch (c) {
            case 'c': *out++ = py_bytes_new(d, 1); break;
            case '?': *out++ = py_bool(*d != 0); break;
            case 'e':
                *out++ = py_float_new(
                    half_to_double((uint16_t)(big ? d[0] << 8 | d[1] : d[1] << 8 | d[0])));
                break;
            case 'f': {
                float y;
                put_bytes((uint8_t *)&y, d, 4, f->swap);
                *out++ = py_float_new(y);
                break;
            }
            case 'd': {
                double x;
                put_bytes((uint8_t *)&x, d, 8, f->swap);
                *out++ = py_float_new(x);
                break;
            }
            default: *out++ = unpack_int(c, d, it->size, big); break;
            }
        }
    }
    return tuple;
}

static py_val do_pack(const sfmt *f, size_t n_args, const py_val *args) {
    if (n_args != f->nargs) {
        struct_error("pack expected %zu items for packing (got %zu)", f->nargs, n_args);
    }
    char *d;
    py_val r = py_bytes_new_uninit(f->size, &d); // zeroed
    pack_all(f, (uint8_t *)d, args);
    return r;
}

// offset into a buffer of len bytes for `what` ("pack_into"/"unpack_from") of f->size bytes.
static size_t check_offset(const sfmt *f, py_val offset_v, size_t len, bool packing) {
    py_int_t off;
    bool ovf;
    if (!py_bytes_as_index(offset_v, &off, &ovf)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer",
                     offset_v);
    }
    if (ovf) {
        py_raise_msg(&py_type_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (off < 0) {
        if (off + (py_int_t)f->size > 0) {
            struct_error(packing ? "no space to pack %zu bytes at offset %ld"
                                 : "not enough data to unpack %zu bytes at offset %ld",
                         f->size, (long)off);
        }
        if (off + (py_int_t)len < 0) {
            struct_error("offset %ld out of range for %zu-byte buffer", (long)off, len);
        }
        off += (py_int_t)len;
    }
    if ((size_t)off > len || len - (size_t)off < f->size) {
        struct_error(packing ? "pack_into requires a buffer of at least %zu bytes for packing %zu "
                               "bytes at offset %ld (actual buffer size is %zu)"
                             : "unpack_from requires a buffer of at least %zu bytes for unpacking "
                               "%zu bytes at offset %ld (actual buffer size is %zu)",
                     f->size + (size_t)off, f->size, (long)off, len);
    }
    return (size_t)off;
}

// pack_into(buffer, offset, *v) for a compiled format: the values are packed into a temporary
// first (they may run Python code that resizes the buffer), then copied.
static py_val do_pack_into(const sfmt *f, size_t n_args, const py_val *args) {
    if (n_args == 0) {
        struct_error("pack_into expected buffer argument");
    }
    if (n_args == 1) {
        struct_error("pack_into expected offset argument");
    }
    if (n_args - 2 != f->nargs) {
        struct_error("pack_into expected %zu items for packing (got %zu)", f->nargs, n_args - 2);
    }
    py_buffer b;
    if (!py_get_buffer_maybe(args[0], &b, PY_BUFFER_WRITE)) {
        py_raise_fmt(&py_type_TypeError, "argument must be read-write bytes-like object, not %T",
                     args[0]);
    }
    size_t off = check_offset(f, args[1], b.len, true);
    uint8_t *tmp = py_gc_alloc(f->size, PY_GC_LEAF);
    pack_all(f, tmp, args + 2);
    py_get_buffer(args[0], &b, PY_BUFFER_WRITE);
    if (off + f->size > b.len) {
        py_raise_msg(&py_type_ValueError, "buffer was resized while packing");
    }
    py_memcpy((uint8_t *)b.buf + off, tmp, f->size);
    py_gc_free(tmp);
    return PY_NONE;
}

static py_val do_unpack(const sfmt *f, py_val buffer) {
    py_buffer b;
    py_get_buffer(buffer, &b, PY_BUFFER_READ);
    if (b.len != f->size) {
        struct_error("unpack requires a buffer of %zu bytes", f->size);
    }
    return unpack_all(f, b.buf);
}

static py_val do_unpack_from(const sfmt *f, py_val buffer, py_val offset) {
    py_buffer b;
    py_get_buffer(buffer, &b, PY_BUFFER_READ);
    size_t off = check_offset(f, offset ? offset : py_small(0), b.len, false);
    return unpack_all(f, (const uint8_t *)b.buf + off);
}

// ---- iter_unpack
// ----------------------------------------------------------------------------------
typedef struct unpack_iter {
    py_obj base;
    const sfmt *fmt;
    py_val buffer;
    size_t offset;
} unpack_iter;

static py_val unpack_iter_next(py_val self) {
    unpack_iter *it = (unpack_iter *)self;
    const sfmt *f = it->fmt;
    py_buffer b;
    py_get_buffer(it->buffer, &b, PY_BUFFER_READ);
    if (it->offset + f->size > b.len) {
        return PY_STOP;
    }
    py_val r = unpack_all(f, (const uint8_t *)b.buf + it->offset);
    it->offset += f->size;
    return r;
}

static py_val unpack_iter_length_hint(py_val self) {
    unpack_iter *it = (unpack_iter *)self;
    py_buffer b;
    py_get_buffer(it->buffer, &b, PY_BUFFER_READ);
    return py_int_from((py_int_t)(b.len > it->offset ? (b.len - it->offset) / it->fmt->size : 0));
}
static PY_FN_OBJ_1(unpack_iter_length_hint_obj, __length_hint__, unpack_iter_length_hint);

static const py_dict_entry unpack_iter_locals_table[] = {
    PY_ROM_ENTRY(__length_hint__, &unpack_iter_length_hint_obj),
};
static PY_ROM_DICT(unpack_iter_locals, unpack_iter_locals_table);

static const py_type unpack_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_unpack_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = unpack_iter_next,
    .locals = (py_dict *)&unpack_iter_locals,
    .base_type = &py_type_object,
};

// The iterator keeps f (which must not be released).
static py_val do_iter_unpack(const sfmt *f, py_val buffer) {
    py_buffer b;
    py_get_buffer(buffer, &b, PY_BUFFER_READ);
    if (f->size == 0) {
        struct_error("cannot iteratively unpack with a struct of length 0");
    }
    if (b.len % f->size) {
        struct_error("iterative unpacking requires a buffer of a multiple of %zu bytes", f->size);
    }
    unpack_iter *it = py_new(unpack_iter, &unpack_iter_type);
    it->fmt = f;
    it->buffer = buffer;
    return (py_val)it;
}

// ---- module functions
// ------------------------------------------------------------------------------
static py_val struct_calcsize(py_val fmt) {
    const sfmt *f = get_format(fmt, true);
    py_val r = py_int_from((py_int_t)f->size);
    release(f);
    return r;
}
static PY_FN_OBJ_1(struct_calcsize_obj, calcsize, struct_calcsize);

static py_val struct_pack(size_t n_args, const py_val *args) {
    const sfmt *f = get_format(args[0], true);
    py_val r = do_pack(f, n_args - 1, args + 1);
    release(f);
    return r;
}
static PY_FN_OBJ_VAR(struct_pack_obj, pack, 1, PY_ARGS_MANY, struct_pack);

static py_val struct_pack_into(size_t n_args, const py_val *args) {
    const sfmt *f = get_format(args[0], true);
    py_val r = do_pack_into(f, n_args - 1, args + 1);
    release(f);
    return r;
}
static PY_FN_OBJ_VAR(struct_pack_into_obj, pack_into, 1, PY_ARGS_MANY, struct_pack_into);

static py_val struct_unpack(py_val fmt, py_val buffer) {
    const sfmt *f = get_format(fmt, true);
    py_val r = do_unpack(f, buffer);
    release(f);
    return r;
}
static PY_FN_OBJ_2(struct_unpack_obj, unpack, struct_unpack);

static const py_arg_spec unpack_from_spec[] = {
    {PY_QSTR_buffer, PY_ARG_REQUIRED, PY_NULL},
    {PY_QSTR_offset, 0, PY_NULL},
};

// unpack_from's buffer and offset (PY_NULL if absent) after args[0] (the format or self);
// positional arguments alone, as in a loop over records, skip the general parser.
static void unpack_from_args(size_t n_args, size_t n_kw, const py_val *args, py_val a[2]) {
    if (n_kw == 0 && (n_args == 2 || n_args == 3)) {
        a[0] = args[1];
        a[1] = n_args == 3 ? args[2] : PY_NULL;
        return;
    }
    py_arg_parse("unpack_from", n_args, n_kw, args, 1, unpack_from_spec, 2, a);
}

static py_val struct_unpack_from(size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args < 1) {
        py_raise_msg(&py_type_TypeError,
                     "unpack_from() missing required argument 'format' (pos 1)");
    }
    py_val a[2];
    unpack_from_args(n_args, n_kw, args, a);
    const sfmt *f = get_format(args[0], true);
    py_val r = do_unpack_from(f, a[0], a[1]);
    release(f);
    return r;
}
static PY_FN_OBJ_KW(struct_unpack_from_obj, unpack_from, struct_unpack_from);

static py_val struct_iter_unpack(py_val fmt, py_val buffer) {
    return do_iter_unpack(get_format(fmt, true), buffer);
}
static PY_FN_OBJ_2(struct_iter_unpack_obj, iter_unpack, struct_iter_unpack);

// ---- Struct
// ----------------------------------------------------------------------------------------
typedef struct struct_obj {
    py_obj base;
    py_val format;   // as given (str or bytes)
    const sfmt *fmt; // compiled (possibly shared with the cache)
} struct_obj;

extern const py_type mod_struct_Struct;

static const sfmt *fmt_of(py_val self) {
    return ((struct_obj *)self)->fmt;
}

static py_val st_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_format, PY_ARG_REQUIRED, PY_NULL}};
    py_val a[1];
    py_arg_parse("Struct", n_args, n_kw, args, 0, spec, 1, a);
    const sfmt *f = get_format(a[0], false);
    struct_obj *s = py_new(struct_obj, type);
    s->format = a[0];
    s->fmt = f;
    return (py_val)s;
}

static py_val st_pack(size_t n_args, const py_val *args) {
    return do_pack(fmt_of(args[0]), n_args - 1, args + 1);
}
static PY_FN_OBJ_VAR(st_pack_obj, pack, 1, PY_ARGS_MANY, st_pack);

static py_val st_pack_into(size_t n_args, const py_val *args) {
    return do_pack_into(fmt_of(args[0]), n_args - 1, args + 1);
}
static PY_FN_OBJ_VAR(st_pack_into_obj, pack_into, 1, PY_ARGS_MANY, st_pack_into);

static py_val st_unpack(py_val self, py_val buffer) {
    return do_unpack(fmt_of(self), buffer);
}
static PY_FN_OBJ_2(st_unpack_obj, unpack, st_unpack);

static py_val st_unpack_from(size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[2];
    unpack_from_args(n_args, n_kw, args, a);
    return do_unpack_from(fmt_of(args[0]), a[0], a[1]);
}
static PY_FN_OBJ_KW(st_unpack_from_obj, unpack_from, st_unpack_from);

static py_val st_iter_unpack(py_val self, py_val buffer) {
    return do_iter_unpack(fmt_of(self), buffer);
}
static PY_FN_OBJ_2(st_iter_unpack_obj, iter_unpack, st_iter_unpack);

static void st_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return; // read-only
    }
    struct_obj *s = (struct_obj *)self;
    if (attr == PY_QSTR_size) {
        dest[0] = py_int_from((py_int_t)s->fmt->size);
    } else if (attr == PY_QSTR_format) {
        dest[0] = s->format;
        if (!py_is_str(s->format)) {
            py_buffer b;
            py_get_buffer(s->format, &b, PY_BUFFER_READ);
            dest[0] = py_str_new(b.buf, b.len); // ASCII, checked by compile
        }
    }
}

static const py_dict_entry st_locals_table[] = {
    PY_ROM_ENTRY(pack, &st_pack_obj),
    PY_ROM_ENTRY(pack_into, &st_pack_into_obj),
    PY_ROM_ENTRY(unpack, &st_unpack_obj),
    PY_ROM_ENTRY(unpack_from, &st_unpack_from_obj),
    PY_ROM_ENTRY(iter_unpack, &st_iter_unpack_obj),
};
static PY_ROM_DICT(st_locals, st_locals_table);

const py_type mod_struct_Struct = {
    .base = {&py_type_type},
    .name = PY_QSTR_Struct,
    .flags = PY_TF_EQ_ID,
    .make_new = st_make_new,
    .attr = st_attr,
    .locals = (py_dict *)&st_locals,
    .base_type = &py_type_object,
};

static const py_dict_entry struct_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_struct)),
    PY_ROM_ENTRY(error, &mod_struct_error),
    PY_ROM_ENTRY(Struct, &mod_struct_Struct),
    PY_ROM_ENTRY(calcsize, &struct_calcsize_obj),
    PY_ROM_ENTRY(pack, &struct_pack_obj),
    PY_ROM_ENTRY(pack_into, &struct_pack_into_obj),
    PY_ROM_ENTRY(unpack, &struct_unpack_obj),
    PY_ROM_ENTRY(unpack_from, &struct_unpack_from_obj),
    PY_ROM_ENTRY(iter_unpack, &struct_iter_unpack_obj),
};
static PY_ROM_DICT(struct_globals, struct_table);

const py_module mod_struct_module = {{&py_type_module}, (py_dict *)&struct_globals};

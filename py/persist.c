// py/persist.c: saving a code object tree to bytes and loading it back (.rpyc files; the
// format is described in py/persist.h and docs/cross.md).
//
// The payload is a table of the strings (names, identifiers, interned str constants) that the
// code refers to, then the module's code object, whose constants nest the other code objects
// (functions, classes, lambdas, comprehensions). Strings are referred to by their index in
// the table, so a name used by many functions is stored and interned once.
//
// Loading trusts nothing: every read is bounds-checked, every count and index is checked
// against what it indexes, the bytecode is walked so that its constant, name and local
// indices and its jump targets are in range and every path through it keeps the stack
// within stacksize, and the CRC-32 of the payload must match, which rejects a corrupted file
// before any of that (docs/cross.md says what the checks cover and what they do not).
// Errors raise ValueError; the objects built so far are left to the collector.
#include <string.h>

#include "py/gc.h"
#include "py/objint.h"
#include "py/persist.h"

// Constant tags.
#define T_NONE 'N'
#define T_TRUE 'T'
#define T_FALSE 'F'
#define T_ELLIPSIS 'E'
#define T_INT 'i'    // zigzag varint (fits in 64 bits)
#define T_BIGINT 'I' // varint n, then n bytes: two's complement, little-endian
#define T_FLOAT 'f'  // 8 bytes: IEEE 754 binary64, little-endian
#define T_QSTR 'q'   // varint string-table index: an interned str
#define T_STR 's'    // varint n, then n bytes of UTF-8: a str object
#define T_BYTES 'b'  // varint n, then n bytes
#define T_TUPLE 't'  // varint n, then n constants
#define T_CODE 'c'   // a code object

// Nesting of code objects and tuples inside each other: bounds the loader's C recursion.
#define MAX_DEPTH 48

uint32_t py_persist_crc32(uint32_t crc, const uint8_t *data, size_t len) {
    // bitwise: a 1 KiB table is not worth the flash for loading a few files
    crc = ~crc;
    for (size_t i = 0; i < len; i++) {
        crc ^= data[i];
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
        }
    }
    return ~crc;
}

uint32_t py_persist_bc_signature(void) {
    // FNV-1a over "NAME\0" for every opcode in order, then the revision
    uint32_t h = 2166136261u;
    for (int op = 0; op < PY_BC_N; op++) {
        for (const char *s = py_bc_names[op];; s++) {
            h = (h ^ (uint8_t)*s) * 16777619u;
            if (*s == 0) {
                break;
            }
        }
    }
    for (int k = 0; k < 4; k++) {
        h = (h ^ (uint8_t)(PY_PERSIST_BC_REVISION >> (8 * k))) * 16777619u;
    }
    return h;
}

// ---- saving ----------------------------------------------------------------------------------
typedef struct saver {
    py_vstr *out;     // the payload's code part
    py_dict *qindex;  // qstr (as a value) -> its index in the table, a small int
    py_vstr qtab;     // the table's encoding
    size_t nq;
    uint16_t features;
} saver;

static void put_u8(py_vstr *v, uint8_t b) { py_vstr_add_char(v, (char)b); }

static void put_uint(py_vstr *v, uint64_t x) {
    while (x >= 0x80) {
        put_u8(v, (uint8_t)(x | 0x80));
        x >>= 7;
    }
    put_u8(v, (uint8_t)x);
}

static void put_le(py_vstr *v, uint64_t x, int n) {
    for (int i = 0; i < n; i++) {
        put_u8(v, (uint8_t)(x >> (8 * i)));
    }
}

static void put_bytes(py_vstr *v, const void *p, size_t n) {
    put_uint(v, n);
    py_vstr_add(v, (const char *)p, n);
}

// A qstr as its table index + 1 (0 is PY_QSTR_NULL, e.g. a local slot without a name).
static void put_qstr(saver *s, qstr q) {
    if (q == PY_QSTR_NULL) {
        put_uint(s->out, 0);
        return;
    }
    py_val key = py_qstr_val(q);
    py_val idx = py_dict_get(s->qindex, key);
    if (idx == PY_NULL) {
        idx = py_small((py_int_t)s->nq++);
        py_dict_set(s->qindex, key, idx);
        size_t n;
        const char *text = py_qstr_data(q, &n);
        put_bytes(&s->qtab, text, n);
    }
    put_uint(s->out, (uint64_t)py_small_get(idx) + 1);
}

static void save_code(saver *s, const py_code *c);

static void save_const(saver *s, py_val v) {
    py_vstr *o = s->out;
    if (v == PY_NONE || v == PY_TRUE || v == PY_FALSE || v == PY_ELLIPSIS) {
        put_u8(o, v == PY_NONE ? T_NONE : v == PY_TRUE ? T_TRUE : v == PY_FALSE ? T_FALSE
                                                                                 : T_ELLIPSIS);
        return;
    }
    if (py_is_qstr(v)) {
        put_u8(o, T_QSTR);
        put_qstr(s, py_qstr_get(v));
        return;
    }
    const py_type *t = py_typeof(v);
    if (t == &py_type_int) {
        // canonical: anything that fits in 64 bits is a varint, whatever it is on this build
        uint8_t b8[8];
        if (py_int_to_bytes(v, b8, 8, false, true)) {
            uint64_t x = 0;
            for (int i = 0; i < 8; i++) {
                x |= (uint64_t)b8[i] << (8 * i);
            }
            put_u8(o, T_INT);
            put_uint(o, (x << 1) ^ (0u - (x >> 63))); // zigzag
            return;
        }
        const py_bigint *b = (const py_bigint *)v;
        size_t n = (size_t)(b->size < 0 ? -b->size : b->size) * sizeof(py_mpz_dig) + 1;
        uint8_t *buf = py_gc_alloc(n, PY_GC_LEAF);
        if (!py_int_to_bytes(v, buf, n, false, true)) {
            py_raise_msg(&py_type_ValueError, "cannot save int constant");
        }
        // drop redundant sign bytes (keep one that carries the sign)
        while (n > 1 && ((buf[n - 1] == 0 && !(buf[n - 2] & 0x80)) ||
                         (buf[n - 1] == 0xff && (buf[n - 2] & 0x80)))) {
            n--;
        }
        put_u8(o, T_BIGINT);
        put_bytes(o, buf, n);
        py_gc_free(buf);
        return;
    }
#if PY_CFG_FLOAT
    if (t == &py_type_float) {
        double d = ((const py_float *)v)->value;
        uint64_t bits;
        memcpy(&bits, &d, sizeof(bits));
        put_u8(o, T_FLOAT);
        put_le(o, bits, 8);
        s->features |= PY_PERSIST_F_FLOAT;
        return;
    }
#endif
    if (t == &py_type_str || t == &py_type_bytes) {
        const py_str *str = (const py_str *)v;
        put_u8(o, t == &py_type_str ? T_STR : T_BYTES);
        put_bytes(o, str->data, str->len);
        return;
    }
    if (t == &py_type_tuple) {
        const py_tuple *tu = (const py_tuple *)v;
        put_u8(o, T_TUPLE);
        put_uint(o, tu->len);
        for (size_t i = 0; i < tu->len; i++) {
            save_const(s, tu->items[i]);
        }
        return;
    }
    if (t == &py_type_code) {
        put_u8(o, T_CODE);
        save_code(s, (const py_code *)v);
        return;
    }
    py_raise_fmt(&py_type_ValueError, "cannot save a constant of type '%q'", (qstr)t->name);
}

static void save_code(saver *s, const py_code *c) {
    py_vstr *o = s->out;
    put_uint(o, c->flags);
    put_uint(o, c->argcount);
    put_uint(o, c->posonlycount);
    put_uint(o, c->kwonlycount);
    put_uint(o, c->nlocals);
    put_uint(o, c->ncells);
    put_uint(o, c->nfree);
    put_uint(o, c->stacksize);
    put_uint(o, c->firstline);
    put_qstr(s, c->name);
    put_qstr(s, c->qualname);
    put_qstr(s, c->filename);
    put_bytes(o, c->code, c->codelen);
    put_bytes(o, c->linetab, c->linetablen);
    put_uint(o, c->nexc);
    for (size_t i = 0; i < c->nexc; i++) {
        const py_exc_entry *e = &c->exctab[i];
        put_uint(o, e->start);
        put_uint(o, e->end);
        put_uint(o, e->handler);
        put_uint(o, e->depth);
    }
    put_uint(o, c->nnames);
    for (size_t i = 0; i < c->nnames; i++) {
        put_qstr(s, c->names[i]);
    }
    for (size_t i = 0; i < c->nlocals; i++) {
        put_qstr(s, c->varnames[i]);
    }
    put_uint(o, c->nconsts);
    for (size_t i = 0; i < c->nconsts; i++) {
        save_const(s, c->consts[i]);
    }
}

void py_persist_save(py_vstr *out, const py_code *code) {
    saver s = {0};
    py_vstr body;
    py_vstr_init(&body, 256);
    py_vstr_init(&s.qtab, 256);
    s.out = &body;
    s.qindex = (py_dict *)py_dict_new(32);
    save_code(&s, code);

    py_vstr payload;
    py_vstr_init(&payload, s.qtab.len + body.len + 8);
    put_uint(&payload, s.nq);
    py_vstr_add(&payload, py_vstr_data(&s.qtab), s.qtab.len);
    py_vstr_add(&payload, py_vstr_data(&body), body.len);

    py_vstr_add(out, PY_PERSIST_MAGIC, 4);
    put_le(out, PY_PERSIST_FORMAT_VERSION, 2);
    put_le(out, s.features, 2);
    put_le(out, py_persist_bc_signature(), 4);
    put_le(out, payload.len, 4);
    put_le(out, py_persist_crc32(0, (const uint8_t *)py_vstr_data(&payload), payload.len), 4);
    py_vstr_add(out, py_vstr_data(&payload), payload.len);
}

// ---- loading ---------------------------------------------------------------------------------
typedef struct loader {
    const uint8_t *p, *end;
    qstr *qs; // the string table
    size_t nq;
    int depth;
} loader;

_Noreturn static void corrupt(const char *what) {
    py_raise_fmt(&py_type_ValueError, "corrupt .rpyc file: %s", what);
}

static uint8_t get_u8(loader *ld) {
    if (ld->p >= ld->end) {
        corrupt("truncated");
    }
    return *ld->p++;
}

static uint64_t get_uint(loader *ld) {
    uint64_t x = 0;
    for (int sh = 0;; sh += 7) {
        uint8_t b = get_u8(ld);
        if (sh == 63 && b > 1) {
            corrupt("varint too long");
        }
        x |= (uint64_t)(b & 0x7f) << sh;
        if (!(b & 0x80)) {
            return x;
        }
    }
}

// A varint that must be <= max (counts, sizes, fields of a given width).
static uint32_t get_max(loader *ld, uint32_t max, const char *what) {
    uint64_t x = get_uint(ld);
    if (x > max) {
        corrupt(what);
    }
    return (uint32_t)x;
}

// n bytes in place (the caller copies them).
static const uint8_t *get_span(loader *ld, size_t n) {
    if (n > (size_t)(ld->end - ld->p)) {
        corrupt("truncated");
    }
    const uint8_t *s = ld->p;
    ld->p += n;
    return s;
}

static qstr get_qstr(loader *ld) {
    uint64_t i = get_uint(ld);
    if (i > ld->nq) {
        corrupt("string index out of range");
    }
    return i ? ld->qs[i - 1] : PY_QSTR_NULL;
}

static py_val load_code(loader *ld);

static py_val load_const(loader *ld) {
    uint8_t tag = get_u8(ld);
    switch (tag) {
    case T_NONE: return PY_NONE;
    case T_TRUE: return PY_TRUE;
    case T_FALSE: return PY_FALSE;
    case T_ELLIPSIS: return PY_ELLIPSIS;
    case T_INT: {
        uint64_t z = get_uint(ld);
        int64_t x = (int64_t)((z >> 1) ^ (0u - (z & 1)));
        if (x >= INTPTR_MIN && x <= INTPTR_MAX) {
            return py_int_from((py_int_t)x);
        }
        uint8_t b8[8]; // beyond a 32-bit build's word
        for (int i = 0; i < 8; i++) {
            b8[i] = (uint8_t)((uint64_t)x >> (8 * i));
        }
        return py_int_from_bytes(b8, 8, false, true);
    }
    case T_BIGINT: {
        size_t n = get_max(ld, 1u << 20, "int constant too long");
        const uint8_t *b = get_span(ld, n);
        return py_int_from_bytes(b, n, false, true);
    }
    case T_FLOAT: {
        const uint8_t *b = get_span(ld, 8);
#if PY_CFG_FLOAT
        uint64_t bits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (uint64_t)b[i] << (8 * i);
        }
        double d;
        memcpy(&d, &bits, sizeof(d));
        return py_float_new(d);
#else
        (void)b;
        corrupt("float constant in a build without floats");
#endif
    }
    case T_QSTR: {
        qstr q = get_qstr(ld);
        if (q == PY_QSTR_NULL) {
            corrupt("string index out of range");
        }
        return py_qstr_val(q);
    }
    case T_STR:
    case T_BYTES: {
        size_t n = get_max(ld, UINT32_MAX >> 1, "string too long");
        const uint8_t *b = get_span(ld, n);
        if (tag == T_BYTES) {
            return py_bytes_new(b, n);
        }
        if (!py_utf8_valid((const char *)b, n)) {
            corrupt("str constant is not UTF-8");
        }
        return py_str_new((const char *)b, n);
    }
    case T_TUPLE: {
        size_t n = get_max(ld, 0xffff, "tuple too long");
        if (n > (size_t)(ld->end - ld->p)) { // each item takes a byte at least
            corrupt("truncated");
        }
        if (++ld->depth > MAX_DEPTH) {
            corrupt("constants nested too deeply");
        }
        py_tuple *t = (py_tuple *)py_tuple_new(n, NULL);
        for (size_t i = 0; i < n; i++) {
            t->items[i] = load_const(ld);
        }
        ld->depth--;
        return (py_val)t;
    }
    case T_CODE: return load_code(ld);
    default: corrupt("unknown constant tag");
    }
}

// The opcodes whose argument indexes the code's tables or jumps: the loader checks it.
static bool op_is_name(uint8_t op) {
    switch (op) {
    case PY_BC_LOAD_GLOBAL: case PY_BC_STORE_GLOBAL: case PY_BC_DELETE_GLOBAL:
    case PY_BC_LOAD_NAME: case PY_BC_STORE_NAME: case PY_BC_DELETE_NAME:
    case PY_BC_LOAD_ATTR: case PY_BC_STORE_ATTR: case PY_BC_DELETE_ATTR:
    case PY_BC_LOAD_METHOD: case PY_BC_LOAD_SUPER_METHOD:
    case PY_BC_IMPORT_NAME: case PY_BC_IMPORT_FROM:
        return true;
    default:
        return false;
    }
}

static bool op_is_local(uint8_t op) {
    switch (op) {
    case PY_BC_LOAD_FAST: case PY_BC_STORE_FAST: case PY_BC_DELETE_FAST:
    case PY_BC_LOAD_DEREF: case PY_BC_STORE_DEREF: case PY_BC_DELETE_DEREF:
    case PY_BC_LOAD_CLOSURE: case PY_BC_LOAD_CLASSDEREF: case PY_BC_MAKE_CELL:
        return true;
    default:
        return false;
    }
}

static bool op_is_jump(uint8_t op) {
    switch (op) {
    case PY_BC_JUMP: case PY_BC_POP_JUMP_IF_FALSE: case PY_BC_POP_JUMP_IF_TRUE:
    case PY_BC_POP_JUMP_IF_NONE: case PY_BC_JUMP_IF_FALSE_OR_POP: case PY_BC_JUMP_IF_TRUE_OR_POP:
    case PY_BC_FOR_ITER:
        return true;
    default:
        return false;
    }
}

// Instructions after which execution never falls through to the next one.
static bool op_ends_flow(uint8_t op) {
    switch (op) {
    case PY_BC_RETURN_VALUE: case PY_BC_JUMP: case PY_BC_RAISE_VARARGS: case PY_BC_RERAISE:
    case PY_BC_POP_EXCEPT_RERAISE:
        return true;
    default:
        return false;
    }
}

// How many stack items the instruction reads (it needs that depth before it runs);
// py_bc_stack_effect gives what it leaves. From the stack comments in py/bc.h and py/vm.c.
static uint64_t op_pops(uint8_t op, uint32_t arg) {
    switch (op) {
    case PY_BC_ROT_TWO: case PY_BC_DUP_TOP_TWO: case PY_BC_BINARY_SUBSCR:
    case PY_BC_DELETE_SUBSCR: case PY_BC_STORE_ATTR: case PY_BC_YIELD_FROM:
    case PY_BC_END_ASYNC_FOR: case PY_BC_POP_EXCEPT_RERAISE: case PY_BC_CHECK_EXC_MATCH:
    case PY_BC_CONTAINS_OP: case PY_BC_IS_OP: case PY_BC_IMPORT_NAME:
        return 2;
    case PY_BC_ROT_THREE: case PY_BC_BINARY_SLICE: case PY_BC_STORE_SUBSCR:
    case PY_BC_LOAD_SUPER_METHOD: case PY_BC_WITH_EXCEPT_START:
        return 3;
    case PY_BC_ROT_FOUR: return 4;
    case PY_BC_CALL_METHOD: return (uint64_t)arg + 2;
    case PY_BC_CALL_METHOD_KW: return (uint64_t)arg + 3;
    case PY_BC_CALL_FUNCTION: return (uint64_t)arg + 1;
    case PY_BC_CALL_FUNCTION_KW: return (uint64_t)arg + 2;
    case PY_BC_CALL_FUNCTION_EX: return 2 + (arg & 1);
    case PY_BC_MAKE_FUNCTION: return 1 + (arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1);
    case PY_BC_BUILD_TUPLE: case PY_BC_BUILD_LIST: case PY_BC_BUILD_SET: case PY_BC_BUILD_SLICE:
    case PY_BC_BUILD_STRING: case PY_BC_COPY: case PY_BC_SWAP: case PY_BC_RAISE_VARARGS:
        return arg;
    case PY_BC_BUILD_MAP: return 2 * (uint64_t)arg;
    case PY_BC_FORMAT_VALUE: return (arg & 4) ? 2 : 1;
    case PY_BC_LIST_APPEND: case PY_BC_SET_ADD: case PY_BC_LIST_EXTEND: case PY_BC_SET_UPDATE:
    case PY_BC_DICT_UPDATE: case PY_BC_DICT_MERGE:
        return (uint64_t)arg + 1;
    case PY_BC_MAP_ADD: return (uint64_t)arg + 2;
    case PY_BC_NOP: case PY_BC_LOAD_NONE: case PY_BC_LOAD_TRUE: case PY_BC_LOAD_FALSE:
    case PY_BC_LOAD_BUILD_CLASS: case PY_BC_LOAD_ASSERTION_ERROR: case PY_BC_SETUP_ANNOTATIONS:
    case PY_BC_LOAD_LOCALS: case PY_BC_LOAD_CONST: case PY_BC_LOAD_SMALL_INT: case PY_BC_LOAD_FAST:
    case PY_BC_DELETE_FAST: case PY_BC_LOAD_DEREF: case PY_BC_DELETE_DEREF: case PY_BC_LOAD_CLOSURE:
    case PY_BC_LOAD_CLASSDEREF: case PY_BC_MAKE_CELL: case PY_BC_COPY_FREE_VARS:
    case PY_BC_LOAD_GLOBAL: case PY_BC_DELETE_GLOBAL: case PY_BC_LOAD_NAME: case PY_BC_DELETE_NAME:
    case PY_BC_JUMP:
        return 0;
    default:
        if (op >= PY_BC_BINARY_OR && op <= PY_BC_COMPARE_GE) {
            return 2;
        }
        return 1; // the unary operations, stores, pops, conditional jumps, GET_*, ...
    }
}

static bool is_start(const uint8_t *starts, uint32_t off) {
    return (starts[off >> 3] >> (off & 7)) & 1;
}

// The stack depths an instruction can start with: [lo, hi]; lo > hi while unreached.
typedef struct depths {
    uint16_t lo, hi;
} depths;

typedef struct flow {
    depths *at;      // per byte offset (only instruction starts are used)
    uint16_t *work;  // offsets whose depths changed, to visit
    uint8_t *queued; // bitmap: in work
    uint32_t nwork;
} flow;

// Merges depths [lo, hi] into the instruction at off; queues it if they widened.
static void flow_to(flow *fl, const py_code *c, uint32_t off, int64_t lo, int64_t hi) {
    if (lo < 0) {
        corrupt("bytecode pops an empty stack");
    }
    if (hi > c->stacksize) {
        corrupt("bytecode overflows its stack size");
    }
    depths *d = &fl->at[off];
    bool changed = d->lo > d->hi;
    if (changed) {
        d->lo = (uint16_t)lo;
        d->hi = (uint16_t)hi;
    } else {
        if (lo < d->lo) {
            d->lo = (uint16_t)lo;
            changed = true;
        }
        if (hi > d->hi) {
            d->hi = (uint16_t)hi;
            changed = true;
        }
    }
    if (changed && !((fl->queued[off >> 3] >> (off & 7)) & 1)) {
        fl->queued[off >> 3] |= (uint8_t)(1u << (off & 7));
        fl->work[fl->nwork++] = (uint16_t)off;
    }
}

// Follows every path through the code (and into the exception handlers) with the range of
// stack depths it can have: no instruction pops more than the stack holds or pushes beyond
// stacksize, and no path runs off the end of the code. (The VM trusts all of this; the
// compiler guarantees it for its own code.)
static void check_flow(const py_code *c) {
    flow fl;
    fl.at = py_gc_alloc(c->codelen * sizeof(depths), PY_GC_LEAF);
    for (uint32_t i = 0; i < c->codelen; i++) {
        fl.at[i].lo = 1;
        fl.at[i].hi = 0;
    }
    fl.work = py_gc_alloc(c->codelen * sizeof(uint16_t), PY_GC_LEAF);
    fl.queued = py_gc_alloc((c->codelen >> 3) + 1, PY_GC_LEAF);
    fl.nwork = 0;
    const uint8_t *bc = c->code;
    flow_to(&fl, c, 0, 0, 0);
    while (fl.nwork) {
        uint32_t off = fl.work[--fl.nwork];
        fl.queued[off >> 3] &= (uint8_t)~(1u << (off & 7));
        int64_t lo = fl.at[off].lo, hi = fl.at[off].hi;
        uint32_t next = off, arg = 0;
        uint8_t op = bc[next++];
        if (op == PY_BC_EXTENDED_ARG) { // (the first pass checked what follows)
            arg = (uint32_t)(bc[next] | (bc[next + 1] << 8)) << 16;
            next += 2;
            op = bc[next++];
        }
        if (op >= PY_BC_HAVE_ARG) {
            arg |= (uint32_t)(bc[next] | (bc[next + 1] << 8));
            next += 2;
        }
        if ((op == PY_BC_COPY || op == PY_BC_SWAP) && arg == 0) {
            corrupt("bad COPY or SWAP");
        }
        // an exception raised here goes to the first handler covering the instruction
        for (size_t i = 0; i < c->nexc; i++) {
            const py_exc_entry *e = &c->exctab[i];
            if (next - 1 >= e->start && next - 1 < e->end) {
                // (the compiler's own ranges reach past a POP_EXCEPT, where the stack is
                // below the handler's depth: that slot then holds the value popped)
                flow_to(&fl, c, e->handler, e->depth + 1, e->depth + 1);
                break;
            }
        }
        int64_t pops = (int64_t)op_pops(op, arg);
        if (lo < pops) {
            corrupt("bytecode pops an empty stack");
        }
        int64_t eff = py_bc_stack_effect(op, arg);
        switch (op) {
        case PY_BC_JUMP:
            flow_to(&fl, c, arg, lo, hi);
            break;
        case PY_BC_POP_JUMP_IF_FALSE: case PY_BC_POP_JUMP_IF_TRUE: case PY_BC_POP_JUMP_IF_NONE:
            flow_to(&fl, c, arg, lo - 1, hi - 1);
            break;
        case PY_BC_JUMP_IF_FALSE_OR_POP: case PY_BC_JUMP_IF_TRUE_OR_POP:
            flow_to(&fl, c, arg, lo, hi);
            break;
        case PY_BC_FOR_ITER: // exhausted: the iterator is popped
            flow_to(&fl, c, arg, lo - 1, hi - 1);
            break;
        default:
            break;
        }
        if (op_ends_flow(op)) {
            continue;
        }
        if (next >= c->codelen) {
            corrupt("bytecode runs off its end");
        }
        flow_to(&fl, c, next, lo + eff, hi + eff);
    }
    py_gc_free(fl.at);
    py_gc_free(fl.work);
    py_gc_free(fl.queued);
}

// Checks the bytecode's instruction boundaries, opcodes, indices, jump targets, exception
// table and stack depths against the code object.
static void check_code(const py_code *c) {
    if (c->codelen == 0) {
        corrupt("empty bytecode");
    }
    uint8_t *starts = py_gc_alloc((c->codelen >> 3) + 1, PY_GC_LEAF);
    const uint8_t *bc = c->code;
    for (uint32_t off = 0; off < c->codelen;) {
        starts[off >> 3] |= (uint8_t)(1u << (off & 7));
        uint8_t op = bc[off];
        if (op >= PY_BC_RESERVED_LAST) {
            corrupt("unknown opcode");
        }
        off++;
        if (op >= PY_BC_HAVE_ARG) {
            if (c->codelen - off < 2) {
                corrupt("truncated instruction");
            }
            off += 2;
            if (op == PY_BC_EXTENDED_ARG) {
                // the prefix and its instruction are one: no jump may land between them
                if (off >= c->codelen || bc[off] <= PY_BC_HAVE_ARG || c->codelen - off < 3) {
                    corrupt("EXTENDED_ARG without an argument to extend");
                }
                off += 3;
            }
        }
    }
    uint32_t ext = 0;
    for (uint32_t off = 0; off < c->codelen;) {
        uint8_t op = bc[off++];
        if (op < PY_BC_HAVE_ARG) {
            continue;
        }
        uint32_t arg = ext | bc[off] | ((uint32_t)bc[off + 1] << 8);
        off += 2;
        if (op == PY_BC_EXTENDED_ARG) {
            ext = arg << 16;
            continue;
        }
        ext = 0;
        if ((op == PY_BC_LOAD_CONST && arg >= c->nconsts) || (op_is_name(op) && arg >= c->nnames) ||
            (op_is_local(op) && arg >= c->nlocals) ||
            (op == PY_BC_COPY_FREE_VARS && arg != c->nfree)) {
            corrupt("bytecode index out of range");
        }
        if (op_is_jump(op) && (arg >= c->codelen || !is_start(starts, arg))) {
            corrupt("jump target out of range");
        }
    }
    for (size_t i = 0; i < c->nexc; i++) {
        const py_exc_entry *e = &c->exctab[i];
        if (e->start > e->end || e->end > c->codelen || e->handler >= c->codelen ||
            !is_start(starts, e->handler) || e->depth >= c->stacksize) {
            corrupt("exception table out of range");
        }
    }
    check_flow(c);
    py_gc_free(starts);
    // the line table: whole (offset, line) varint pairs of 5 bytes at most (py_code_line
    // reads them without bounds or length checks)
    for (size_t i = 0; i < c->linetablen;) {
        for (int half = 0; half < 2; half++) {
            size_t start = i;
            while (i < c->linetablen && (c->linetab[i] & 0x80)) {
                i++;
            }
            if (i >= c->linetablen || i - start >= 5) {
                corrupt("line table");
            }
            i++;
        }
    }
}

static py_val load_code(loader *ld) {
    if (++ld->depth > MAX_DEPTH) {
        corrupt("code nested too deeply");
    }
    py_code *c = py_new(py_code, &py_type_code);
    c->flags = (uint16_t)get_max(ld, 0xffff, "code flags");
    c->argcount = (uint16_t)get_max(ld, 0xffff, "argument count");
    c->posonlycount = (uint16_t)get_max(ld, 0xffff, "argument count");
    c->kwonlycount = (uint16_t)get_max(ld, 0xffff, "argument count");
    c->nlocals = (uint16_t)get_max(ld, 0xffff, "local count");
    c->ncells = (uint16_t)get_max(ld, 0xffff, "local count");
    c->nfree = (uint16_t)get_max(ld, 0xffff, "local count");
    c->stacksize = (uint16_t)get_max(ld, 0xffff, "stack size");
    c->firstline = get_max(ld, INT32_MAX, "line number");
    // the parameters (with *args and **kwargs) and the cells and free variables are slots
    uint32_t params = (uint32_t)c->argcount + c->kwonlycount + !!(c->flags & PY_CO_VARARGS) +
                      !!(c->flags & PY_CO_VARKEYWORDS);
    if (c->posonlycount > c->argcount || params > c->nlocals ||
        (uint32_t)c->ncells + c->nfree > c->nlocals || c->stacksize == 0) {
        corrupt("inconsistent code object");
    }
    c->name = get_qstr(ld);
    c->qualname = get_qstr(ld);
    c->filename = get_qstr(ld);
    if (c->name == PY_QSTR_NULL || c->qualname == PY_QSTR_NULL || c->filename == PY_QSTR_NULL) {
        corrupt("code object without a name");
    }

    c->codelen = get_max(ld, 0xffff, "bytecode too long");
    const uint8_t *src = get_span(ld, c->codelen);
    uint8_t *bc = py_gc_alloc(c->codelen, PY_GC_LEAF);
    py_memcpy(bc, src, c->codelen);
    c->code = bc;

    c->linetablen = get_max(ld, 0xfffff, "line table too long");
    src = get_span(ld, c->linetablen);
    uint8_t *lt = py_gc_alloc(c->linetablen + 1, PY_GC_LEAF);
    py_memcpy(lt, src, c->linetablen);
    c->linetab = lt;

    c->nexc = (uint16_t)get_max(ld, 0xffff, "exception table too long");
    if (c->nexc > (size_t)(ld->end - ld->p) / 4) { // 4 varints of a byte at least
        corrupt("truncated");
    }
    py_exc_entry *et = py_gc_alloc(c->nexc * sizeof(py_exc_entry) + 1, PY_GC_LEAF);
    for (size_t i = 0; i < c->nexc; i++) {
        et[i].start = (uint16_t)get_max(ld, 0xffff, "exception table");
        et[i].end = (uint16_t)get_max(ld, 0xffff, "exception table");
        et[i].handler = (uint16_t)get_max(ld, 0xffff, "exception table");
        et[i].depth = (uint16_t)get_max(ld, 0xffff, "exception table");
    }
    c->exctab = et;

    c->nnames = (uint16_t)get_max(ld, 0xffff, "too many names");
    if ((size_t)c->nnames + c->nlocals > (size_t)(ld->end - ld->p)) {
        corrupt("truncated");
    }
    qstr *nm = py_gc_alloc(c->nnames * sizeof(qstr) + 1, PY_GC_LEAF);
    for (size_t i = 0; i < c->nnames; i++) {
        nm[i] = get_qstr(ld);
        if (nm[i] == PY_QSTR_NULL) {
            corrupt("string index out of range");
        }
    }
    c->names = nm;
    qstr *vn = py_gc_alloc(c->nlocals * sizeof(qstr) + 1, PY_GC_LEAF);
    for (size_t i = 0; i < c->nlocals; i++) {
        vn[i] = get_qstr(ld);
    }
    c->varnames = vn;

    c->nconsts = (uint16_t)get_max(ld, 0xffff, "too many constants");
    if (c->nconsts > (size_t)(ld->end - ld->p)) {
        corrupt("truncated");
    }
    py_val *cv = py_gc_alloc(c->nconsts * sizeof(py_val) + 1, 0);
    c->consts = cv;
    for (size_t i = 0; i < c->nconsts; i++) {
        cv[i] = load_const(ld);
    }
    if ((c->flags & PY_CO_HAS_DOC) && c->nconsts == 0) { // the docstring is consts[0]
        corrupt("inconsistent code object");
    }
    check_code(c);
    ld->depth--;
    return (py_val)c;
}

static uint32_t le32(const uint8_t *p) {
    return p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

py_val py_persist_load(const uint8_t *data, size_t len) {
    if (len < 4 || memcmp(data, PY_PERSIST_MAGIC, 4) != 0) {
        py_raise_msg(&py_type_ValueError, "not an .rpyc file (bad magic)");
    }
    if (len < PY_PERSIST_HEADER_LEN) {
        corrupt("truncated header");
    }
    unsigned version = data[4] | (data[5] << 8);
    if (version != PY_PERSIST_FORMAT_VERSION) {
        py_raise_fmt(&py_type_ValueError, "incompatible .rpyc file: format version %u, expected %u",
                     version, (unsigned)PY_PERSIST_FORMAT_VERSION);
    }
    unsigned features = data[6] | (data[7] << 8);
    if (features & ~PY_PERSIST_F_KNOWN) {
        py_raise_fmt(&py_type_ValueError, "incompatible .rpyc file: unknown feature flags 0x%x",
                     features & ~PY_PERSIST_F_KNOWN);
    }
    if ((features & PY_PERSIST_F_FLOAT) && !PY_CFG_FLOAT) {
        py_raise_msg(&py_type_ValueError,
                     "incompatible .rpyc file: it has float constants, this build has no float");
    }
    uint32_t sig = le32(data + 8), want = py_persist_bc_signature();
    if (sig != want) {
        py_raise_fmt(&py_type_ValueError,
                     "incompatible .rpyc file: bytecode version %x, expected %x (recompile it with "
                     "this build's rtpy-cross)", (unsigned)sig, (unsigned)want);
    }
    uint32_t plen = le32(data + 12);
    const uint8_t *payload = data + PY_PERSIST_HEADER_LEN;
    size_t have = len - PY_PERSIST_HEADER_LEN;
    if (have < plen) {
        corrupt("truncated");
    }
    if (have > plen) {
        corrupt("data after the end");
    }
    if (py_persist_crc32(0, payload, plen) != le32(data + 16)) {
        corrupt("checksum mismatch");
    }

    loader ld = {payload, payload + plen, NULL, 0, 0};
    size_t nq = get_max(&ld, 0xffffff, "too many strings");
    if (nq > plen) { // a byte per string at least
        corrupt("truncated");
    }
    ld.qs = py_gc_alloc(nq * sizeof(qstr) + 1, PY_GC_LEAF);
    for (size_t i = 0; i < nq; i++) {
        size_t n = get_max(&ld, 1u << 20, "string too long");
        const char *s = (const char *)get_span(&ld, n);
        if (!py_utf8_valid(s, n)) {
            corrupt("string is not UTF-8");
        }
        ld.qs[i] = py_qstr_from_strn(s, n);
        ld.nq = i + 1;
    }
    py_val code = load_code(&ld);
    if (ld.p != ld.end) {
        corrupt("data after the end");
    }
    py_gc_free(ld.qs);
    return code;
}

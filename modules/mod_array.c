// modules/mod_array.c: the array module: array.array, a mutable sequence of C numbers of one
// type (b B h H i I l L q Q f d) stored packed, as CPython's. Values are converted (and range
// checked with CPython's OverflowError messages) when stored and boxed again when read.
// The buffer slot exports the items with the typecode as format, so bytes(a), memoryview(a),
// struct.pack_into(fmt, a, ...) and file-like writes see the raw items.
// Differences: no 'u' (wchar_t) or 'w' typecodes, no pickling, fromfile/tofile or
// __copy__; typecodes is 'bBhHiIlLqQfd'.
#include <float.h>
#include <math.h>
#include <string.h>

#include "modules/modules.h"
#include "py/gc.h"
#include "py/objbytes.h"
#include "py/objint.h"
#include "py/objlist.h"
#include "py/objstr.h"
#include "py/runtime.h"

typedef struct array_obj {
    py_obj base;
    char typecode;
    uint8_t itemsize;
    size_t len;    // items
    size_t cap;    // items the data block holds
    uint8_t *data; // GC leaf block; NULL when cap is 0
} array_obj;

extern const py_type mod_array_type;

static const char typecodes[] = "bBhHiIlLqQfd";

static uint8_t itemsize_of(char tc) {
    switch (tc) {
    case 'b':
    case 'B': return 1;
    case 'h':
    case 'H': return sizeof(short);
    case 'i':
    case 'I': return sizeof(int);
    case 'l':
    case 'L': return sizeof(long);
    case 'q':
    case 'Q': return 8;
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    default: return 0;
    }
}

static bool is_array(py_val v) {
    return py_is_obj(v) && v->type == &mod_array_type;
}

static array_obj *array_new(char tc, size_t n) {
    array_obj *a = py_new(array_obj, &mod_array_type);
    a->typecode = tc;
    a->itemsize = itemsize_of(tc);
    if (n) {
        if (n > ((size_t)-1 / 2) / a->itemsize) {
            py_raise_memory_error();
        }
        a->data = py_gc_alloc(n * a->itemsize, PY_GC_LEAF);
        a->cap = n;
    }
    a->len = n;
    return a;
}

// Room for `more` items at the end (len is not changed).
static void reserve(array_obj *a, size_t more) {
    if (more > ((size_t)-1 / 2) / a->itemsize - a->len) {
        py_raise_memory_error();
    }
    size_t need = a->len + more;
    if (need <= a->cap) {
        return;
    }
    size_t cap = a->cap + a->cap / 2 + 4;
    if (cap < need) {
        cap = need;
    }
    a->data = py_gc_realloc(a->data, cap * a->itemsize);
    a->cap = cap;
}

// ---- item conversion
// -------------------------------------------------------------------------------
static _Noreturn void overflow(const char *msg) {
    py_raise_msg(&py_type_OverflowError, msg);
}

// (float)x rounded to nearest even beyond float's range too (where C leaves it undefined).
static float to_float(double x) {
    if (isfinite(x) && fabs(x) > FLT_MAX) {
        return (float)copysign(fabs(x) < 0x1.ffffffp127 ? FLT_MAX : INFINITY, x);
    }
    return (float)x;
}

// A range an item passes through on its way to its C type, with CPython's name for it.
typedef struct conv_step {
    int64_t min, max;
    const char *name;
} conv_step;

static void check_step(int64_t v, const conv_step *s) {
    if (v > s->max) {
        py_raise_fmt(&py_type_OverflowError, "%s is greater than maximum", s->name);
    }
    if (v < s->min) {
        py_raise_fmt(&py_type_OverflowError, "%s is less than minimum", s->name);
    }
}

static const conv_step step_short = {-32768, 32767, "signed short integer"};
static const conv_step step_int = {INT32_MIN, INT32_MAX, "signed integer"};

// Converts v for typecode tc into out (itemsize bytes, native order). Raises TypeError or
// OverflowError as CPython's array does; writes nothing on failure.
static void convert(char tc, py_val v, uint8_t *out) {
    size_t size = itemsize_of(tc);
    if (tc == 'f' || tc == 'd') {
        double d = py_get_float(v);
        if (tc == 'f') {
            float f = to_float(d);
            memcpy(out, &f, sizeof(f));
        } else {
            memcpy(out, &d, sizeof(d));
        }
        return;
    }
    py_val i = py_int_unwrap(v);
    if (i == PY_NULL) {
        const py_type *t = py_typeof(v);
        i = t->unary_op ? t->unary_op(PY_UOP_INDEX, v) : PY_NULL;
        if (i == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
        }
    }
    bool neg = py_int_sign(i) < 0;
    uint8_t le[8];
    uint64_t u = 0;
    if (tc == 'q' || tc == 'Q') {
        if (tc == 'Q' && neg) {
            overflow("can't convert negative int to unsigned");
        }
        if (!py_int_to_bytes(i, le, 8, false, tc == 'q')) {
            overflow("int too big to convert");
        }
    } else if (tc == 'I' || tc == 'L') {
        if (neg) {
            overflow("can't convert negative value to unsigned int");
        }
        if (!py_int_to_bytes(i, le, sizeof(long), false, false)) {
            overflow("Python int too large to convert to C unsigned long");
        }
    } else if (!py_int_to_bytes(i, le, sizeof(long), false, true)) {
        overflow("Python int too large to convert to C long");
    }
    size_t csize = tc == 'q' || tc == 'Q' ? 8 : sizeof(long);
    for (size_t k = csize; k-- > 0;) {
        u = (u << 8) | le[k];
    }
    if (csize < 8 && neg) {
        u |= ~(uint64_t)0 << (csize * 8);
    }
    int64_t s = (int64_t)u;
    switch (tc) {
    case 'b': {
        static const conv_step c = {-128, 127, "signed char"};
        check_step(s, &step_short);
        check_step(s, &c);
        break;
    }
    case 'B': {
        static const conv_step c = {0, 255, "unsigned byte integer"};
        check_step(s, &c);
        break;
    }
    case 'h': check_step(s, &step_short); break;
    case 'H': {
        static const conv_step c = {0, 65535, "unsigned short"};
        check_step(s, &step_int);
        check_step(s, &c);
        break;
    }
    case 'i': check_step(s, &step_int); break;
    case 'I':
        if (u > UINT32_MAX) {
            overflow("unsigned int is greater than maximum");
        }
        break;
    default: break; // l L q Q: the C type itself
    }
    // u holds the value; store its low `size` bytes in native order
    union {
        uint8_t b[8];
        uint16_t h;
        uint32_t i;
        uint64_t q;
    } x;
    switch (size) {
    case 1: x.b[0] = (uint8_t)u; break;
    case 2: x.h = (uint16_t)u; break;
    case 4: x.i = (uint32_t)u; break;
    default: x.q = u; break;
    }
    memcpy(out, x.b, size);
}

static py_val item_at(const array_obj *a, size_t i) {
    const uint8_t *p = a->data + i * a->itemsize;
    union {
        int8_t b;
        uint8_t B;
        short h;
        unsigned short H;
        int i;
        unsigned int I;
        long l;
        unsigned long L;
        long long q;
        unsigned long long Q;
        float f;
        double d;
    } u;
    memcpy(&u, p, a->itemsize);
    switch (a->typecode) {
    case 'b': return py_small(u.b);
    case 'B': return py_small(u.B);
    case 'h': return py_small(u.h);
    case 'H': return py_small(u.H);
    case 'i': return py_int_from_ll(u.i);
    case 'I': return py_int_from_ull(u.I);
    case 'l': return py_int_from_ll(u.l);
    case 'L': return py_int_from_ull(u.L);
    case 'q': return py_int_from_ll(u.q);
    case 'Q': return py_int_from_ull(u.Q);
    case 'f': return py_float_new(u.f);
    default: return py_float_new(u.d);
    }
}

static void append(array_obj *a, py_val v) {
    uint8_t tmp[8];
    convert(a->typecode, v, tmp); // may run __index__: before touching the array
    reserve(a, 1);
    memcpy(a->data + a->len++ * a->itemsize, tmp, a->itemsize);
}

static void append_bytes(array_obj *a, const void *p, size_t nbytes) {
    if (nbytes % a->itemsize) {
        py_raise_msg(&py_type_ValueError, "bytes length not a multiple of item size");
    }
    size_t n = nbytes / a->itemsize;
    reserve(a, n);
    py_memmove(a->data + a->len * a->itemsize, p, nbytes); // p may be a's own data
    a->len += n;
}

static void extend_array(array_obj *a, array_obj *b) {
    if (b->typecode != a->typecode) {
        py_raise_msg(&py_type_TypeError, "can only extend with array of same kind");
    }
    size_t n = b->len;
    reserve(a, n); // b may be a: read its data only afterwards
    py_memmove(a->data + a->len * a->itemsize, b->data, n * a->itemsize);
    a->len += n;
}

static void extend(array_obj *a, py_val iterable) {
    if (is_array(iterable)) {
        extend_array(a, (array_obj *)iterable);
        return;
    }
    py_val it = py_getiter(iterable), v;
    while ((v = py_iternext(it)) != PY_STOP) {
        append(a, v);
    }
}

// ---- construction and printing
// ----------------------------------------------------------------------
static py_val array_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    py_arg_check_no_kw("array.array", n_kw);
    py_arg_check_count("array", n_args, 1, 2);
    size_t len;
    const char *tcs = py_is_str(args[0]) ? py_get_str(args[0], &len) : NULL;
    if (tcs == NULL || py_str_charlen(args[0]) != 1) {
        py_raise_fmt(&py_type_TypeError, "array() argument 1 must be a unicode character, not %T",
                     args[0]);
    }
    char tc = tcs[0];
    if (len != 1 || strchr(typecodes, tc) == NULL) {
        py_raise_msg(&py_type_ValueError,
                     "bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f or d)");
    }
    array_obj *a = array_new(tc, 0);
    if (n_args == 2) {
        py_val init = args[1];
        py_buffer b;
        if (py_is_str(init)) {
            py_raise_fmt(&py_type_TypeError,
                         "cannot use a str to initialize an array with typecode '%c'", tc);
        } else if (py_bytes_is_bytes_like(init)) {
            py_get_buffer(init, &b, PY_BUFFER_READ);
            append_bytes(a, b.buf, b.len);
        } else if (is_array(init) && ((array_obj *)init)->typecode == tc) {
            extend_array(a, (array_obj *)init);
        } else {
            py_val it = py_getiter(init), v;
            while ((v = py_iternext(it)) != PY_STOP) {
                append(a, v);
            }
        }
    }
    return (py_val)a;
}

static void array_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    array_obj *a = (array_obj *)self;
    py_printf(p, "array('%c'", a->typecode);
    if (a->len) {
        py_print_str(p, ", [");
        for (size_t i = 0; i < a->len; i++) {
            if (i) {
                py_print_str(p, ", ");
            }
            py_print_val(p, item_at(a, i), PY_PRINT_REPR);
        }
        py_print_str(p, "]");
    }
    py_print_str(p, ")");
}

// ---- operators
// -----------------------------------------------------------------------------------
static py_val array_unary_op(int op, py_val self) {
    array_obj *a = (array_obj *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(a->len != 0);
    case PY_UOP_LEN: return py_int_from((py_int_t)a->len);
    default: return PY_NULL;
    }
}

static py_val repeat(array_obj *a, py_val count) {
    py_int_t n;
    if (!py_index_maybe(count, &n)) {
        return PY_NULL;
    }
    if (n < 0) {
        n = 0;
    }
    size_t bytes = a->len * a->itemsize;
    if (n && bytes > ((size_t)-1 / 2) / (size_t)n) {
        py_raise_memory_error();
    }
    array_obj *r = array_new(a->typecode, a->len * (size_t)n);
    for (py_int_t k = 0; k < n; k++) {
        py_memcpy(r->data + (size_t)k * bytes, a->data, bytes);
    }
    return (py_val)r;
}

static py_val compare(int op, array_obj *a, array_obj *b) {
    if ((op == PY_OP_EQ || op == PY_OP_NE) && a->len != b->len) {
        return py_bool(op == PY_OP_NE);
    }
    size_t n = a->len < b->len ? a->len : b->len, i = 0;
    for (; i < n; i++) { // items are numbers: comparing them runs no Python code
        if (!py_equal(item_at(a, i), item_at(b, i))) {
            break;
        }
    }
    if (i >= a->len || i >= b->len) {
        return py_binary_op(op, py_int_from((py_int_t)a->len), py_int_from((py_int_t)b->len));
    }
    if (op == PY_OP_EQ) {
        return PY_FALSE;
    }
    if (op == PY_OP_NE) {
        return PY_TRUE;
    }
    return py_binary_op(op, item_at(a, i), item_at(b, i));
}

static py_val array_binary_op(int op, py_val lhs, py_val rhs) {
    array_obj *a = (array_obj *)lhs;
    if (op <= PY_OP_GE) {
        return is_array(rhs) ? compare(op, a, (array_obj *)rhs) : PY_NULL;
    }
    switch (op) {
    case PY_OP_CONTAINS:
        for (size_t i = 0; i < a->len; i++) {
            if (py_equal(item_at(a, i), rhs)) {
                return PY_TRUE;
            }
        }
        return PY_FALSE;
    case PY_OP_ADD: {
        if (!is_array(rhs)) {
            return PY_NULL;
        }
        array_obj *b = (array_obj *)rhs;
        if (b->typecode != a->typecode) {
            py_raise_msg(&py_type_TypeError, "bad argument type for built-in operation");
        }
        array_obj *r = array_new(a->typecode, 0);
        extend_array(r, a);
        extend_array(r, b);
        return (py_val)r;
    }
    case PY_OP_IADD:
        if (!is_array(rhs)) {
            py_raise_fmt(&py_type_TypeError, "can only extend array with array (not \"%T\")", rhs);
        }
        extend_array(a, (array_obj *)rhs);
        return lhs;
    case PY_OP_MUL:
    case PY_OP_RMUL: return repeat(a, rhs);
    case PY_OP_IMUL: {
        array_obj *r = (array_obj *)repeat(a, rhs);
        if (r == NULL) {
            return PY_NULL;
        }
        a->data = r->data;
        a->len = a->cap = r->len;
        return lhs;
    }
    default: return PY_NULL;
    }
}

// ---- subscripts
// -----------------------------------------------------------------------------------
static void del_slice(array_obj *a, py_int_t start, py_int_t step, size_t n) {
    if (n == 0) {
        return;
    }
    if (step < 0) {
        start += (py_int_t)(n - 1) * step;
        step = -step;
    }
    size_t sz = a->itemsize, w = (size_t)start;
    for (size_t r = (size_t)start; r < a->len; r++) {
        bool deleted = r >= (size_t)start && (r - (size_t)start) % (size_t)step == 0 &&
                       (r - (size_t)start) / (size_t)step < n;
        if (!deleted) {
            memmove(a->data + w++ * sz, a->data + r * sz, sz);
        }
    }
    a->len = w;
}

static void set_slice(array_obj *a, py_val slice, py_val value) {
    if (!is_array(value)) {
        py_raise_fmt(&py_type_TypeError, "can only assign array (not \"%T\") to array slice",
                     value);
    }
    array_obj *v = (array_obj *)value;
    if (v->typecode != a->typecode) {
        py_raise_msg(&py_type_TypeError, "bad argument type for built-in operation");
    }
    py_int_t start, stop, step;
    size_t n = py_slice_indices(slice, a->len, &start, &stop, &step);
    size_t sz = a->itemsize, vn = v->len;
    if (step == 1) {
        // replace [start, start + n) by v's items (v may be a itself: copy it first)
        uint8_t *src = v->data;
        if (v == a && vn) {
            src = py_gc_alloc(vn * sz, PY_GC_LEAF);
            memcpy(src, a->data, vn * sz);
        }
        if (vn > n) {
            reserve(a, vn - n);
        }
        py_memmove(a->data + ((size_t)start + vn) * sz, a->data + ((size_t)start + n) * sz,
                   (a->len - (size_t)start - n) * sz);
        py_memcpy(a->data + (size_t)start * sz, src, vn * sz);
        a->len = a->len - n + vn;
        return;
    }
    if (vn != n) {
        py_raise_fmt(&py_type_ValueError,
                     "attempt to assign array of size %zu to extended slice of size %zu", vn, n);
    }
    uint8_t *src = v->data;
    if (v == a && vn) {
        src = py_gc_alloc(vn * sz, PY_GC_LEAF);
        memcpy(src, a->data, vn * sz);
    }
    for (size_t k = 0; k < n; k++) {
        memcpy(a->data + (size_t)(start + (py_int_t)k * step) * sz, src + k * sz, sz);
    }
}

static py_val array_subscr(py_val self, py_val index, py_val value) {
    array_obj *a = (array_obj *)self;
    if (py_is_obj(index) && index->type == &py_type_slice) {
        if (value == PY_SENTINEL) {
            py_int_t start, stop, step;
            size_t n = py_slice_indices(index, a->len, &start, &stop, &step);
            array_obj *r = array_new(a->typecode, n);
            for (size_t k = 0; k < n; k++) {
                memcpy(r->data + k * a->itemsize,
                       a->data + (size_t)(start + (py_int_t)k * step) * a->itemsize, a->itemsize);
            }
            return (py_val)r;
        }
        if (value == PY_NULL) {
            py_int_t start, stop, step;
            size_t n = py_slice_indices(index, a->len, &start, &stop, &step);
            del_slice(a, start, step, n);
        } else {
            set_slice(a, index, value);
        }
        return PY_NONE;
    }
    if (value == PY_SENTINEL) {
        return item_at(a, py_seq_index("array", a->len, index));
    }
    if (value == PY_NULL) {
        size_t i = py_seq_index("array assignment", a->len, index);
        del_slice(a, (py_int_t)i, 1, 1);
        return PY_NONE;
    }
    uint8_t tmp[8];
    convert(a->typecode, value, tmp);
    size_t i = py_seq_index("array assignment", a->len, index);
    memcpy(a->data + i * a->itemsize, tmp, a->itemsize);
    return PY_NONE;
}

// ---- iteration and buffer
// -----------------------------------------------------------------------------
typedef struct array_iter {
    py_obj base;
    py_val array;
    size_t i;
} array_iter;

static py_val array_iter_next(py_val self) {
    array_iter *it = (array_iter *)self;
    array_obj *a = (array_obj *)it->array;
    if (a == NULL || it->i >= a->len) {
        it->array = PY_NULL;
        return PY_STOP;
    }
    return item_at(a, it->i++);
}

static const py_type array_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_arrayiterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = array_iter_next,
    .base_type = &py_type_object,
};

static py_val array_getiter(py_val self) {
    array_iter *it = py_new(array_iter, &array_iter_type);
    it->array = self;
    return (py_val)it;
}

static bool array_buffer(py_val self, py_buffer *buf, int flags) {
    (void)flags; // always writable
    array_obj *a = (array_obj *)self;
    buf->buf = a->data;
    buf->len = a->len * a->itemsize;
    buf->typecode = a->typecode;
    return true;
}

// ---- methods
// ---------------------------------------------------------------------------------------
static py_val array_append(py_val self, py_val v) {
    append((array_obj *)self, v);
    return PY_NONE;
}
static PY_FN_OBJ_2(array_append_obj, append, array_append);

static py_val array_extend(py_val self, py_val v) {
    extend((array_obj *)self, v);
    return PY_NONE;
}
static PY_FN_OBJ_2(array_extend_obj, extend, array_extend);

static py_val array_insert(py_val self, py_val index, py_val v) {
    array_obj *a = (array_obj *)self;
    py_int_t i = py_get_int(index);
    uint8_t tmp[8];
    convert(a->typecode, v, tmp);
    if (i < 0) {
        i += (py_int_t)a->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > a->len) {
        i = (py_int_t)a->len;
    }
    reserve(a, 1);
    size_t sz = a->itemsize;
    memmove(a->data + ((size_t)i + 1) * sz, a->data + (size_t)i * sz, (a->len - (size_t)i) * sz);
    memcpy(a->data + (size_t)i * sz, tmp, sz);
    a->len++;
    return PY_NONE;
}
static PY_FN_OBJ_3(array_insert_obj, insert, array_insert);

static py_val array_pop(size_t n_args, const py_val *args) {
    array_obj *a = (array_obj *)args[0];
    if (a->len == 0) {
        py_raise_msg(&py_type_IndexError, "pop from empty array");
    }
    py_int_t i = n_args > 1 ? py_get_int(args[1]) : -1;
    if (i < 0) {
        i += (py_int_t)a->len;
    }
    if (i < 0 || (size_t)i >= a->len) {
        py_raise_msg(&py_type_IndexError, "pop index out of range");
    }
    py_val v = item_at(a, (size_t)i);
    del_slice(a, i, 1, 1);
    return v;
}
static PY_FN_OBJ_VAR(array_pop_obj, pop, 1, 2, array_pop);

// Index of the first item equal to v in [start, stop), or -1.
static py_int_t find(array_obj *a, py_val v, size_t start, size_t stop) {
    for (size_t i = start; i < stop && i < a->len; i++) {
        if (py_equal(item_at(a, i), v)) {
            return (py_int_t)i;
        }
    }
    return -1;
}

static py_val array_remove(py_val self, py_val v) {
    array_obj *a = (array_obj *)self;
    py_int_t i = find(a, v, 0, a->len);
    if (i < 0) {
        py_raise_msg(&py_type_ValueError, "array.remove(x): x not in array");
    }
    del_slice(a, i, 1, 1);
    return PY_NONE;
}
static PY_FN_OBJ_2(array_remove_obj, remove, array_remove);

// A start/stop bound of index(): clipped to [0, len] after adding len to negatives.
static size_t bound(py_val v, size_t len) {
    py_int_t i = py_get_int(v);
    if (i < 0) {
        i += (py_int_t)len;
        if (i < 0) {
            i = 0;
        }
    }
    return (size_t)i > len ? len : (size_t)i;
}

static py_val array_index(size_t n_args, const py_val *args) {
    array_obj *a = (array_obj *)args[0];
    size_t start = n_args > 2 ? bound(args[2], a->len) : 0;
    size_t stop = n_args > 3 ? bound(args[3], a->len) : a->len;
    py_int_t i = find(a, args[1], start, stop);
    if (i < 0) {
        py_raise_msg(&py_type_ValueError, "array.index(x): x not in array");
    }
    return py_int_from(i);
}
static PY_FN_OBJ_VAR(array_index_obj, index, 2, 4, array_index);

static py_val array_count(py_val self, py_val v) {
    array_obj *a = (array_obj *)self;
    py_int_t n = 0;
    for (size_t i = 0; i < a->len; i++) {
        n += py_equal(item_at(a, i), v);
    }
    return py_int_from(n);
}
static PY_FN_OBJ_2(array_count_obj, count, array_count);

static py_val array_reverse(py_val self) {
    array_obj *a = (array_obj *)self;
    size_t sz = a->itemsize;
    uint8_t tmp[8];
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        memcpy(tmp, a->data + i * sz, sz);
        memcpy(a->data + i * sz, a->data + (j - 1) * sz, sz);
        memcpy(a->data + (j - 1) * sz, tmp, sz);
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(array_reverse_obj, reverse, array_reverse);

static py_val array_byteswap(py_val self) {
    array_obj *a = (array_obj *)self;
    size_t sz = a->itemsize;
    for (size_t i = 0; i < a->len; i++) {
        uint8_t *p = a->data + i * sz;
        for (size_t k = 0; k < sz / 2; k++) {
            uint8_t t = p[k];
            p[k] = p[sz - 1 - k];
            p[sz - 1 - k] = t;
        }
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(array_byteswap_obj, byteswap, array_byteswap);

static py_val array_tobytes(py_val self) {
    array_obj *a = (array_obj *)self;
    return py_bytes_new(a->data, a->len * a->itemsize);
}
static PY_FN_OBJ_1(array_tobytes_obj, tobytes, array_tobytes);

static py_val array_frombytes(py_val self, py_val v) {
    py_buffer b;
    py_get_buffer(v, &b, PY_BUFFER_READ);
    append_bytes((array_obj *)self, b.buf, b.len);
    return PY_NONE;
}
static PY_FN_OBJ_2(array_frombytes_obj, frombytes, array_frombytes);

static py_val array_tolist(py_val self) {
    array_obj *a = (array_obj *)self;
    py_val l = py_list_new(a->len, NULL);
    py_val *items = ((py_list *)l)->items;
    for (size_t i = 0; i < a->len && i < ((py_list *)l)->len; i++) {
        items[i] = item_at(a, i);
    }
    return l;
}
static PY_FN_OBJ_1(array_tolist_obj, tolist, array_tolist);

// fromlist: all or nothing (the items are converted before any is appended).
static py_val array_fromlist(py_val self, py_val list) {
    array_obj *a = (array_obj *)self;
    if (!py_isinstance(list, &py_type_list)) {
        py_raise_msg(&py_type_TypeError, "arg must be list");
    }
    array_obj *tmp = array_new(a->typecode, 0);
    py_list *l = (py_list *)list;
    for (size_t i = 0; i < l->len; i++) { // __index__ may shrink the list: re-read len
        append(tmp, l->items[i]);
    }
    extend_array(a, tmp);
    return PY_NONE;
}
static PY_FN_OBJ_2(array_fromlist_obj, fromlist, array_fromlist);

static py_val array_buffer_info(py_val self) {
    array_obj *a = (array_obj *)self;
    py_val items[2] = {py_int_from_ull((uintptr_t)a->data), py_int_from((py_int_t)a->len)};
    return py_tuple_new(2, items);
}
static PY_FN_OBJ_1(array_buffer_info_obj, buffer_info, array_buffer_info);

static void array_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    array_obj *a = (array_obj *)self;
    if (attr == PY_QSTR_typecode) {
        dest[0] = py_str_new(&a->typecode, 1);
    } else if (attr == PY_QSTR_itemsize) {
        dest[0] = py_small(a->itemsize);
    }
}

static const py_dict_entry array_locals_table[] = {
    PY_ROM_ENTRY(append, &array_append_obj),
    PY_ROM_ENTRY(extend, &array_extend_obj),
    PY_ROM_ENTRY(insert, &array_insert_obj),
    PY_ROM_ENTRY(pop, &array_pop_obj),
    PY_ROM_ENTRY(remove, &array_remove_obj),
    PY_ROM_ENTRY(index, &array_index_obj),
    PY_ROM_ENTRY(count, &array_count_obj),
    PY_ROM_ENTRY(reverse, &array_reverse_obj),
    PY_ROM_ENTRY(byteswap, &array_byteswap_obj),
    PY_ROM_ENTRY(tobytes, &array_tobytes_obj),
    PY_ROM_ENTRY(frombytes, &array_frombytes_obj),
    PY_ROM_ENTRY(tolist, &array_tolist_obj),
    PY_ROM_ENTRY(fromlist, &array_fromlist_obj),
    PY_ROM_ENTRY(buffer_info, &array_buffer_info_obj),
};
static PY_ROM_DICT(array_locals, array_locals_table);

const py_type mod_array_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_array,
    .print = array_print,
    .make_new = array_make_new,
    .unary_op = array_unary_op,
    .binary_op = array_binary_op,
    .attr = array_attr,
    .subscr = array_subscr,
    .getiter = array_getiter,
    .buffer = array_buffer,
    .locals = (py_dict *)&array_locals,
    .base_type = &py_type_object,
};

static const py_dict_entry array_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_array)),
    PY_ROM_ENTRY(array, &mod_array_type),
    PY_ROM_ENTRY(ArrayType, &mod_array_type),
    PY_ROM_ENTRY(typecodes, py_qstr_val_const(PY_QSTR_bBhHiIlLqQfd)),
};
static PY_ROM_DICT(array_globals, array_table);

const py_module mod_array_module = {{&py_type_module}, (py_dict *)&array_globals};

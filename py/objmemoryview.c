// py/objmemoryview.c: memoryview, a one-dimensional view of another object's buffer.
// A view keeps the exporting object (so the GC keeps it alive) and describes its items as an
// offset, a count and a stride into that object's buffer, which it asks for again at every
// access: a bytearray may have been reallocated since, and a slice of a view is just another
// offset/count/stride over the same object (no copy). Item formats are the native struct
// codes (B b c ? h H i I l L q Q n N f d); bytes-like objects export 'B'.
// Non-goals: multi-dimensional views and casts, export locking (a bytearray may be resized
// while viewed; an access that no longer fits raises ValueError), sub-views by tuple keys.
#include <string.h>

#include "py/objbytes.h"
#include "py/objint.h"
#include "py/runtime.h"

typedef struct mview {
    py_obj base;
    py_val obj;       // the exporter; PY_NULL once released
    size_t offset;    // byte offset of item 0 in obj's buffer
    size_t len;       // number of items
    ptrdiff_t stride; // bytes from one item to the next (negative in reversed slices)
    uint8_t itemsize;
    char format;
    bool readonly;
} mview;

// The item formats: struct code and size.
static const struct {
    char code;
    uint8_t size;
} formats[] = {
    {'B', 1},
    {'b', 1},
    {'c', 1},
    {'?', 1},
    {'h', 2},
    {'H', 2},
    {'i', 4},
    {'I', 4},
    {'l', sizeof(long)},
    {'L', sizeof(long)},
    {'q', 8},
    {'Q', 8},
    {'n', sizeof(size_t)},
    {'N', sizeof(size_t)},
    {'f', 4},
    {'d', 8},
};

static int format_size(char code) {
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        if (formats[i].code == code) {
            return formats[i].size;
        }
    }
    return 0;
}

static bool is_byte_format(char c) {
    return c == 'B' || c == 'b' || c == 'c';
}

static mview *check(py_val self) {
    mview *m = (mview *)self;
    if (m->obj == PY_NULL) {
        py_raise_msg(&py_type_ValueError, "operation forbidden on released memoryview object");
    }
    return m;
}

static bool contiguous(const mview *m) {
    return m->len <= 1 || m->stride == m->itemsize;
}

// The address of item 0 now, after checking that the view still fits its exporter's buffer.
static uint8_t *item0(mview *m) {
    check((py_val)m);
    py_buffer buf;
    py_get_buffer(m->obj, &buf, PY_BUFFER_READ);
    if (m->len) {
        ptrdiff_t last = (ptrdiff_t)m->offset + (ptrdiff_t)(m->len - 1) * m->stride;
        ptrdiff_t lo = last < (ptrdiff_t)m->offset ? last : (ptrdiff_t)m->offset;
        ptrdiff_t hi = (last > (ptrdiff_t)m->offset ? last : (ptrdiff_t)m->offset) + m->itemsize;
        if (lo < 0 || (size_t)hi > buf.len) {
            py_raise_msg(&py_type_ValueError, "memoryview: underlying buffer was resized");
        }
    }
    return (uint8_t *)buf.buf + m->offset;
}

static py_val unpack(const uint8_t *p, char f) {
    union {
        int8_t b;
        int16_t h;
        uint16_t H;
        int32_t i;
        uint32_t I;
        long l;
        unsigned long L;
        int64_t q;
        uint64_t Q;
        ptrdiff_t n;
        size_t N;
        float f;
        double d;
    } u;
    memcpy(&u, p, format_size(f)); // items need not be aligned
    switch (f) {
    case 'B': return py_small(*p);
    case 'b': return py_small(u.b);
    case 'c': return py_bytes_new(p, 1);
    case '?': return py_bool(*p != 0);
    case 'h': return py_small(u.h);
    case 'H': return py_small(u.H);
    case 'i': return py_int_from(u.i);
    case 'I': return py_int_from_ull(u.I);
    case 'l': return py_int_from_ll(u.l);
    case 'L': return py_int_from_ull(u.L);
    case 'q': return py_int_from_ll(u.q);
    case 'Q': return py_int_from_ull(u.Q);
    case 'n': return py_int_from_ll(u.n);
    case 'N': return py_int_from_ull(u.N);
    case 'f': return py_float_new(u.f);
    default: return py_float_new(u.d);
    }
}

static _Noreturn void pack_error(const py_type *t, const char *what, char f) {
    py_raise_fmt(t, "memoryview: invalid %s for format '%c'", what, f);
}

static void pack(uint8_t *p, char f, py_val v) {
    int size = format_size(f);
    if (f == 'c') {
        if (!py_isinstance(v, &py_type_bytes)) {
            pack_error(&py_type_TypeError, "type", f);
        }
        if (py_len(v) != 1) {
            pack_error(&py_type_ValueError, "value", f);
        }
        py_buffer b;
        py_get_buffer(v, &b, PY_BUFFER_READ);
        *p = *(uint8_t *)b.buf;
        return;
    }
    if (f == '?') {
        *p = py_is_true(v);
        return;
    }
    if (f == 'f' || f == 'd') {
        double d = py_get_float(v);
        if (f == 'f') {
            float x = (float)d;
            memcpy(p, &x, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return;
    }
    py_int_t i;
    bool ovf;
    if (!py_bytes_as_index(v, &i, &ovf)) {
        pack_error(&py_type_TypeError, "type", f);
    }
    bool is_signed = f == 'b' || f == 'h' || f == 'i' || f == 'l' || f == 'q' || f == 'n';
    // py_int_to_bytes checks the range for this size and signedness (and handles big ints)
    uint8_t tmp[8];
    py_val iv = py_int_from(i);
    if (ovf) {
        // beyond the small-int range: 'Q' and friends still take some of these
        iv = py_int_unwrap(v);
        if (iv == PY_NULL) {
            iv = py_int_unwrap(py_unary_op(PY_UOP_INDEX, v));
        }
    }
    if (iv == PY_NULL || !py_int_to_bytes(iv, tmp, (size_t)size, false, is_signed)) {
        pack_error(&py_type_ValueError, "value", f);
    }
    // tmp is little-endian: store it in native order
    uint64_t x = 0;
    for (int k = size - 1; k >= 0; k--) {
        x = (x << 8) | tmp[k];
    }
    switch (size) {
    case 1: *p = (uint8_t)x; break;
    case 2: {
        uint16_t y = (uint16_t)x;
        memcpy(p, &y, 2);
        break;
    }
    case 4: {
        uint32_t y = (uint32_t)x;
        memcpy(p, &y, 4);
        break;
    }
    default: memcpy(p, &x, 8); break;
    }
}

static mview *new_view(const mview *from) {
    mview *m = py_new(mview, &py_type_memoryview);
    *m = *from;
    m->base.type = &py_type_memoryview;
    return m;
}

static py_val view_of(py_val obj) {
    if (py_typeof(obj) == &py_type_memoryview) {
        return (py_val)new_view(check(obj));
    }
    py_buffer buf;
    if (!py_get_buffer_maybe(obj, &buf, PY_BUFFER_READ)) {
        py_raise_fmt(&py_type_TypeError, "memoryview: a bytes-like object is required, not '%T'",
                     obj);
    }
    mview v = {{&py_type_memoryview}, obj, 0, buf.len, 1, 1, 'B', false};
    int size = format_size(buf.typecode);
    if (size) {
        v.format = buf.typecode;
        v.itemsize = (uint8_t)size;
        v.stride = size;
        v.len = buf.len / (size_t)size;
    }
    py_buffer wbuf;
    v.readonly = !py_get_buffer_maybe(obj, &wbuf, PY_BUFFER_WRITE);
    return (py_val)new_view(&v);
}

static py_val mv_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_object, PY_ARG_REQUIRED, PY_NULL}};
    py_val a[1];
    (void)t;
    py_arg_parse("memoryview", n_args, n_kw, args, 0, spec, 1, a);
    return view_of(a[0]);
}

void py_memoryview_copy(py_val v, py_vstr *out) {
    mview *m = check(v);
    size_t n = m->len * m->itemsize;
    char *d = py_vstr_extend(out, n);
    const uint8_t *p = item0(m);
    if (contiguous(m)) {
        memcpy(d, p, n);
        return;
    }
    for (size_t i = 0; i < m->len; i++) {
        memcpy(d + i * m->itemsize, p + (ptrdiff_t)i * m->stride, m->itemsize);
    }
}

static py_val tobytes(py_val self) {
    mview *m = check(self);
    py_vstr v;
    py_vstr_init(&v, m->len * m->itemsize);
    py_memoryview_copy(self, &v);
    return py_vstr_to_bytes(&v);
}

static void mv_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_printf(p, ((mview *)self)->obj ? "<memory at %p>" : "<released memory at %p>", (void *)self);
}

// ---- operators ---------------------------------------------------------------------------------
static py_val mv_unary_op(int op, py_val self) {
    switch (op) {
    case PY_UOP_BOOL:
    case PY_UOP_LEN: {
        mview *m = check(self);
        return op == PY_UOP_LEN ? py_int_from((py_int_t)m->len) : py_bool(m->len != 0);
    }
    case PY_UOP_HASH: {
        mview *m = check(self);
        if (!m->readonly) {
            py_raise_msg(&py_type_ValueError, "cannot hash writable memoryview object");
        }
        if (!is_byte_format(m->format)) {
            py_raise_msg(&py_type_ValueError,
                         "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        }
        py_hash(m->obj); // as CPython: an unhashable exporter (bytearray) makes the view unhashable
        py_val b = tobytes(self);
        return py_small((py_int_t)py_hash(b));
    }
    default: return PY_NULL;
    }
}

static py_val mv_binary_op(int op, py_val lhs, py_val rhs) {
    if (op != PY_OP_EQ && op != PY_OP_NE) {
        return PY_NULL;
    }
    bool eq;
    mview *a = (mview *)lhs;
    if (lhs == rhs) {
        eq = true;
    } else if (a->obj == PY_NULL ||
               (py_typeof(rhs) == &py_type_memoryview && ((mview *)rhs)->obj == PY_NULL)) {
        eq = false;
    } else {
        py_buffer buf;
        if (py_typeof(rhs) != &py_type_memoryview &&
            !py_get_buffer_maybe(rhs, &buf, PY_BUFFER_READ)) {
            return PY_NULL;
        }
        mview *b = (mview *)view_of(rhs);
        eq = a->len == b->len;
        bool raw =
            a->format == b->format && a->format != 'f' && a->format != 'd' && a->format != '?';
        const uint8_t *pa0 = item0(a), *pb0 = item0(b); // unpacking runs no Python code
        for (size_t i = 0; eq && i < a->len; i++) {
            const uint8_t *pa = pa0 + (ptrdiff_t)i * a->stride;
            const uint8_t *pb = pb0 + (ptrdiff_t)i * b->stride;
            eq = raw ? memcmp(pa, pb, a->itemsize) == 0
                     : py_equal(unpack(pa, a->format), unpack(pb, b->format));
        }
    }
    return py_bool(eq == (op == PY_OP_EQ));
}

// ---- subscripts
// -------------------------------------------------------------------------------------
static size_t item_index(mview *m, py_val key) {
    py_int_t i;
    bool ovf;
    if (!py_bytes_as_index(key, &i, &ovf)) {
        py_raise_msg(&py_type_TypeError, "memoryview: invalid slice key");
    }
    if (ovf) {
        py_raise_msg(&py_type_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (i < 0) {
        i += (py_int_t)m->len;
    }
    if (i < 0 || (size_t)i >= m->len) {
        py_raise_msg(&py_type_IndexError, "index out of bounds on dimension 1");
    }
    return (size_t)i;
}

// A tuple key: only a 1-tuple holding an index is meaningful for a 1-D view.
static py_val tuple_key(py_val key) {
    py_tuple *t = (py_tuple *)key;
    bool all_slices = t->len > 0;
    for (size_t i = 0; i < t->len; i++) {
        all_slices &= py_is_obj(t->items[i]) && t->items[i]->type == &py_type_slice;
    }
    if (all_slices) {
        py_raise_msg(&py_type_NotImplementedError, "multi-dimensional slicing is not implemented");
    }
    if (t->len == 0) {
        py_raise_msg(&py_type_NotImplementedError, "sub-views are not implemented");
    }
    if (t->len > 1) {
        py_raise_fmt(&py_type_TypeError, "cannot index 1-dimension view with %d-element tuple",
                     (int)t->len);
    }
    return t->items[0];
}

static void assign_slice(mview *m, py_val key, py_val value) {
    py_int_t start, stop, step;
    size_t n = py_slice_indices(key, m->len, &start, &stop, &step);
    py_buffer buf;
    if (py_typeof(value) != &py_type_memoryview &&
        !py_get_buffer_maybe(value, &buf, PY_BUFFER_READ)) {
        py_raise_fmt(&py_type_TypeError, "a bytes-like object is required, not '%T'", value);
    }
    mview *src = (mview *)view_of(value);
    if (src->format != m->format || src->len != n) {
        py_raise_msg(&py_type_ValueError,
                     "memoryview assignment: lvalue and rvalue have different structures");
    }
    // copy first: the source may overlap the destination
    py_vstr tmp;
    py_vstr_init(&tmp, n * m->itemsize);
    py_memoryview_copy((py_val)src, &tmp);
    uint8_t *p = item0(m) + start * m->stride;
    for (size_t i = 0; i < n; i++) {
        memcpy(p + (ptrdiff_t)i * step * m->stride, py_vstr_data(&tmp) + i * m->itemsize,
               m->itemsize);
    }
}

static py_val mv_subscr(py_val self, py_val key, py_val value) {
    mview *m = check(self);
    if (value != PY_SENTINEL) {
        if (m->readonly) {
            py_raise_msg(&py_type_TypeError, "cannot modify read-only memory");
        }
        if (value == PY_NULL) {
            py_raise_msg(&py_type_TypeError, "cannot delete memory");
        }
    }
    if (py_is_obj(key) && key->type == &py_type_tuple) {
        key = tuple_key(key);
    }
    if (py_is_obj(key) && key->type == &py_type_slice) {
        if (value != PY_SENTINEL) {
            assign_slice(m, key, value);
            return PY_NONE;
        }
        py_int_t start, stop, step;
        size_t n = py_slice_indices(key, m->len, &start, &stop, &step);
        mview *r = new_view(m);
        r->offset = (size_t)((ptrdiff_t)m->offset + start * m->stride);
        r->len = n;
        r->stride = m->stride * step;
        return (py_val)r;
    }
    size_t i = item_index(m, key);
    if (value == PY_SENTINEL) {
        return unpack(item0(m) + (ptrdiff_t)i * m->stride, m->format);
    }
    uint8_t item[8];
    pack(item, m->format, value); // may run __index__: write only afterwards
    memcpy(item0(m) + (ptrdiff_t)i * m->stride, item, m->itemsize);
    return PY_NONE;
}

// ---- iteration
// ---------------------------------------------------------------------------------------
typedef struct mv_iter {
    py_obj base;
    py_val view;
    size_t i;
} mv_iter;

static py_val mv_iter_next(py_val self) {
    mv_iter *it = (mv_iter *)self;
    mview *m = check(it->view);
    if (it->i >= m->len) {
        return PY_STOP;
    }
    return unpack(item0(m) + (ptrdiff_t)it->i++ * m->stride, m->format);
}

static const py_type mv_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_memory_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = mv_iter_next,
    .base_type = &py_type_object,
};

static py_val mv_getiter(py_val self) {
    check(self);
    mv_iter *it = py_new(mv_iter, &mv_iter_type);
    it->view = self;
    return (py_val)it;
}

static bool mv_buffer(py_val self, py_buffer *buf, int flags) {
    mview *m = check(self);
    if (!contiguous(m) || ((flags & PY_BUFFER_WRITE) && m->readonly)) {
        return false;
    }
    buf->buf = item0(m);
    buf->len = m->len * m->itemsize;
    buf->typecode = m->format;
    return true;
}

// ---- attributes and methods
// -------------------------------------------------------------------------
static void mv_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return; // all attributes are read-only
    }
    mview *m = (mview *)self;
    py_val v;
    switch (attr) {
    case PY_QSTR_obj: v = check(self)->obj; break;
    case PY_QSTR_nbytes: v = py_int_from((py_int_t)(check(self)->len * m->itemsize)); break;
    case PY_QSTR_readonly: v = py_bool(check(self)->readonly); break;
    case PY_QSTR_itemsize: v = py_small(check(self)->itemsize); break;
    case PY_QSTR_format: v = py_str_new(&check(self)->format, 1); break;
    case PY_QSTR_ndim:
        check(self);
        v = py_small(1);
        break;
    case PY_QSTR_shape: {
        py_val n = py_int_from((py_int_t)check(self)->len);
        v = py_tuple_new(1, &n);
        break;
    }
    case PY_QSTR_strides: {
        py_val s = py_int_from(check(self)->stride);
        v = py_tuple_new(1, &s);
        break;
    }
    case PY_QSTR_suboffsets:
        check(self);
        v = py_tuple_new(0, NULL);
        break;
    case PY_QSTR_c_contiguous:
    case PY_QSTR_f_contiguous:
    case PY_QSTR_contiguous: v = py_bool(contiguous(check(self))); break;
    default: return;
    }
    dest[0] = v;
}

static py_val mv_tobytes(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_order, 0, PY_NONE}};
    py_val a[1];
    py_arg_parse("tobytes", n_args, n_kw, args, 1, spec, 1, a);
    check(args[0]);
    if (a[0] != PY_NONE) {
        size_t len;
        const char *s = py_get_str(a[0], &len);
        if (len != 1 || (s[0] != 'C' && s[0] != 'F' && s[0] != 'A')) {
            py_raise_msg(&py_type_ValueError, "order must be 'C', 'F' or 'A'");
        }
    }
    return tobytes(args[0]);
}
static PY_FN_OBJ_KW(mv_tobytes_obj, tobytes, mv_tobytes);

static py_val mv_tolist(py_val self) {
    mview *m = check(self);
    py_val list = py_list_new(0, NULL);
    for (size_t i = 0; i < m->len; i++) {
        py_list_append(list, unpack(item0(m) + (ptrdiff_t)i * m->stride, m->format));
    }
    return list;
}
static PY_FN_OBJ_1(mv_tolist_obj, tolist, mv_tolist);

static py_val mv_hex(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_sep, 0, PY_NULL},
                                       {PY_QSTR_bytes_per_sep, 0, PY_NULL}};
    py_val a[2];
    py_arg_parse("hex", n_args, n_kw, args, 1, spec, 2, a);
    py_str *b = (py_str *)tobytes(args[0]);
    return py_bytes_hex((const uint8_t *)b->data, b->len, a[0], a[1]);
}
static PY_FN_OBJ_KW(mv_hex_obj, hex, mv_hex);

static py_val mv_release(py_val self) {
    ((mview *)self)->obj = PY_NULL; // the exporter may now be collected
    return PY_NONE;
}
static PY_FN_OBJ_1(mv_release_obj, release, mv_release);

static py_val mv_toreadonly(py_val self) {
    mview *r = new_view(check(self));
    r->readonly = true;
    return (py_val)r;
}
static PY_FN_OBJ_1(mv_toreadonly_obj, toreadonly, mv_toreadonly);

static py_val mv_cast(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_format, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_QSTR_shape, 0, PY_NULL}};
    py_val a[2];
    py_arg_parse("cast", n_args, n_kw, args, 1, spec, 2, a);
    mview *m = check(args[0]);
    size_t len;
    const char *f = py_get_str(a[0], &len);
    if (len == 2 && f[0] == '@') {
        f++;
        len--;
    }
    int size = len == 1 ? format_size(f[0]) : 0;
    if (size == 0) {
        py_raise_msg(&py_type_ValueError,
                     "memoryview: destination format must be a native single character format "
                     "prefixed with an optional '@'");
    }
    if (!contiguous(m)) {
        py_raise_msg(&py_type_TypeError, "memoryview: casts are restricted to C-contiguous views");
    }
    if (!is_byte_format(m->format) && !is_byte_format(f[0])) {
        py_raise_msg(&py_type_TypeError, "memoryview: cannot cast between two non-byte formats");
    }
    size_t nbytes = m->len * m->itemsize;
    if (nbytes % (size_t)size) {
        py_raise_msg(&py_type_TypeError, "memoryview: length is not a multiple of itemsize");
    }
    if (a[1] != PY_NULL) {
        size_t n;
        py_val *items;
        if (!py_get_items(a[1], &n, &items)) {
            py_raise_msg(&py_type_TypeError, "shape must be a list or a tuple");
        }
        if (n != 1) {
            py_raise_msg(&py_type_NotImplementedError,
                         "memoryview: multi-dimensional casts are not supported");
        }
        if (py_get_int(items[0]) * size != (py_int_t)nbytes) {
            py_raise_msg(&py_type_TypeError,
                         "memoryview: product(shape) * itemsize != buffer size");
        }
    }
    mview *r = new_view(m);
    r->format = f[0];
    r->itemsize = (uint8_t)size;
    r->stride = size;
    r->len = nbytes / (size_t)size;
    return (py_val)r;
}
static PY_FN_OBJ_KW(mv_cast_obj, cast, mv_cast);

static py_val mv_enter(py_val self) {
    check(self);
    return self;
}
static PY_FN_OBJ_1(mv_enter_obj, __enter__, mv_enter);

static py_val mv_exit(size_t n_args, const py_val *args) {
    (void)n_args;
    return mv_release(args[0]);
}
static PY_FN_OBJ_VAR(mv_exit_obj, __exit__, 1, PY_ARGS_MANY, mv_exit);

static const py_dict_entry mv_locals_table[] = {
    PY_ROM_ENTRY(tobytes, &mv_tobytes_obj),
    PY_ROM_ENTRY(tolist, &mv_tolist_obj),
    PY_ROM_ENTRY(hex, &mv_hex_obj),
    PY_ROM_ENTRY(release, &mv_release_obj),
    PY_ROM_ENTRY(toreadonly, &mv_toreadonly_obj),
    PY_ROM_ENTRY(cast, &mv_cast_obj),
    PY_ROM_ENTRY(__enter__, &mv_enter_obj),
    PY_ROM_ENTRY(__exit__, &mv_exit_obj),
};
static PY_ROM_DICT(mv_locals, mv_locals_table);

const py_type py_type_memoryview = {
    .base = {&py_type_type},
    .name = PY_QSTR_memoryview,
    .print = mv_print,
    .make_new = mv_make_new,
    .unary_op = mv_unary_op,
    .binary_op = mv_binary_op,
    .attr = mv_attr,
    .subscr = mv_subscr,
    .getiter = mv_getiter,
    .buffer = mv_buffer,
    .locals = (py_dict *)&mv_locals,
    .base_type = &py_type_object,
};

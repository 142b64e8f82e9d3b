// py/objbytearray.c: bytearray, the mutable byte sequence (its read-only methods are shared
// with bytes in py/objbytes.c).
// The bytes live in a separate leaf block, `data`, with cap >= len usable bytes; it grows by
// half again (plus 16 bytes), so appends are amortised O(1), and shrinks when a quarter or
// less is used. A growing realloc frees the old block, and Python code (an iterable's
// __next__, an __index__) may run in the middle of an operation, so operations gather their
// input first, copy input that aliases `data`, and re-read `data` after any allocation.
// Non-goal: CPython's export locking (BufferError on resizing while a memoryview exists);
// a memoryview here re-reads its base's buffer at every access instead.
#include <string.h>

#include "py/objbytes.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/runtime.h"

// ---- storage -----------------------------------------------------------------------------
static void set_block(py_bytearray *b, uint8_t *data) {
    b->data = data;
    b->cap = py_gc_nbytes(data); // a block's slack is free capacity
}

static void reserve(py_bytearray *b, size_t need) {
    if (need <= b->cap) {
        return;
    }
    size_t cap = b->cap + b->cap / 2 + 16;
    if (cap < need) {
        cap = need;
    }
    if (need > UINT32_MAX - 64 || cap < need) {
        py_raise_memory_error();
    }
    set_block(b, py_gc_realloc(b->data, cap));
}

// Gives back most of a block that is at most a quarter used (shrinking never moves it).
static void maybe_shrink(py_bytearray *b) {
    if (b->cap > 64 && b->len <= b->cap / 4) {
        py_gc_resize_in_place(b->data, b->len * 2 + 16);
        set_block(b, b->data);
    }
}

py_val py_bytearray_new(const void *s, size_t len) {
    py_bytearray *b = py_new(py_bytearray, &py_type_bytearray);
    set_block(b, py_gc_alloc(len ? len : 1, PY_GC_LEAF));
    memcpy(b->data, s, len);
    b->len = len;
    return (py_val)b;
}

py_val py_bytearray_from_vstr(py_vstr *v) {
    py_bytearray *b = py_new(py_bytearray, &py_type_bytearray);
    // adopt the vstr's block: its bytes move down over the unused py_str header
    uint8_t *block = (uint8_t *)v->obj;
    memmove(block, v->obj->data, v->len);
    b->len = v->len;
    set_block(b, block);
    v->obj = NULL;
    return (py_val)b;
}

// The bytearray behind self (an instance of a subclass holds one as its native object).
static py_bytearray *ba_of(py_val self) {
    if (py_is_obj(self) && self->type == &py_type_bytearray) {
        return (py_bytearray *)self;
    }
    const py_type *t = py_typeof(self);
    if ((t->flags & PY_TF_HEAP) && t->native == &py_type_bytearray && !(t->flags & PY_TF_EXC)) {
        return (py_bytearray *)((py_instance *)self)->native;
    }
    py_raise_fmt(&py_type_TypeError, "descriptor requires a 'bytearray' object but received '%T'",
                 self);
}

// Replaces b[start:start+rm] by src[0..n); src must not point into b's data.
static void splice(py_bytearray *b, size_t start, size_t rm, const uint8_t *src, size_t n) {
    size_t tail = b->len - start - rm;
    if (n > rm) {
        reserve(b, b->len + (n - rm));
    }
    memmove(b->data + start + n, b->data + start + rm, tail);
    if (n) {
        memcpy(b->data + start, src, n);
    }
    b->len = b->len - rm + n;
    if (n < rm) {
        maybe_shrink(b);
    }
}

// The bytes of v to store into b: a contiguous buffer not aliasing b is used in place,
// anything else (a copy, or what bytearray(v) would hold) is gathered into *tmp first.
static const uint8_t *source(py_bytearray *b, py_val v, size_t *n, py_vstr *tmp) {
    py_buffer buf;
    tmp->obj = NULL;
    if (py_get_buffer_maybe(v, &buf, PY_BUFFER_READ)) {
        const uint8_t *p = buf.buf;
        if (p + buf.len <= b->data || p >= b->data + b->cap) {
            *n = buf.len;
            return p;
        }
        py_vstr_init(tmp, buf.len);
        py_vstr_add(tmp, (const char *)p, buf.len);
    } else {
        py_vstr_init(tmp, 16);
        py_bytes_fill(tmp, true, 1, 0, &v);
    }
    *n = tmp->len;
    return (const uint8_t *)py_vstr_data(tmp);
}

static void bytearray_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_bytearray *b = (py_bytearray *)self;
    py_print_str(p, "bytearray(");
    py_str_print_quoted(p, (const char *)b->data, b->len, true);
    py_print_str(p, ")");
}

static py_val bytearray_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    py_vstr v;
    py_vstr_init(&v, 16);
    py_bytes_fill(&v, true, n_args, n_kw, args);
    return py_bytearray_from_vstr(&v);
}

// ---- operators ------------------------------------------------------------------------------
static py_val bytearray_binary_op(int op, py_val lhs, py_val rhs) {
    py_bytearray *b = (py_bytearray *)lhs;
    py_buffer buf;
    if (op <= PY_OP_GE && op != PY_OP_CONTAINS) {
        // any contiguous buffer compares (a non-contiguous memoryview compares itself)
        if (!py_get_buffer_maybe(rhs, &buf, PY_BUFFER_READ)) {
            return PY_NULL;
        }
        if ((op == PY_OP_EQ || op == PY_OP_NE) && b->len != buf.len) {
            return py_bool(op == PY_OP_NE);
        }
        size_t n = b->len < buf.len ? b->len : buf.len;
        int c = memcmp(b->data, buf.buf, n);
        if (c == 0) {
            c = b->len < buf.len ? -1 : b->len > buf.len ? 1 : 0;
        }
        switch (op) {
        case PY_OP_LT: return py_bool(c < 0);
        case PY_OP_LE: return py_bool(c <= 0);
        case PY_OP_GT: return py_bool(c > 0);
        case PY_OP_GE: return py_bool(c >= 0);
        case PY_OP_EQ: return py_bool(c == 0);
        default: return py_bool(c != 0);
        }
    }
    if (op == PY_OP_IADD) {
        if (!py_get_buffer_maybe(rhs, &buf, PY_BUFFER_READ)) {
            py_raise_fmt(&py_type_TypeError, "can't concat %T to bytearray", rhs);
        }
        size_t n;
        py_vstr tmp;
        const uint8_t *p = source(b, rhs, &n, &tmp);
        splice(b, b->len, 0, p, n);
        return lhs;
    }
    if (op == PY_OP_IMUL) {
        py_int_t k;
        bool ovf;
        if (!py_bytes_as_index(rhs, &k, &ovf)) {
            return PY_NULL;
        }
        if (ovf && k > 0) {
            py_raise_msg(&py_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        size_t n = b->len;
        if (k <= 0 || n == 0) {
            b->len = 0;
            maybe_shrink(b);
            return lhs;
        }
        if ((size_t)k > (UINT32_MAX - 64) / n) {
            py_raise_memory_error();
        }
        reserve(b, n * (size_t)k);
        for (size_t done = n, total = n * (size_t)k; done < total;) {
            size_t c = done < total - done ? done : total - done;
            memcpy(b->data + done, b->data, c);
            done += c;
        }
        b->len = n * (size_t)k;
        return lhs;
    }
    return py_bytes_common_binary_op(op, lhs, rhs);
}

static py_val bytearray_unary_op(int op, py_val self) {
    py_bytearray *b = (py_bytearray *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(b->len != 0);
    case PY_UOP_LEN: return py_int_from((py_int_t)b->len);
    default: return PY_NULL; // unhashable
    }
}

// ---- subscripts ---------------------------------------------------------------------------
static bool is_number_or_str(py_val v) {
    const py_type *t = py_typeof(v);
    if (py_is_int(v) || t == &py_type_float || py_is_str(v)) {
        return true;
    }
    return (t->flags & PY_TF_HEAP) &&
           (py_type_lookup(t, PY_QSTR___index__) || py_type_lookup(t, PY_QSTR___int__) ||
            py_type_lookup(t, PY_QSTR___float__));
}

// b[slice] = value, del b[slice] (value PY_NULL)
static void assign_slice(py_bytearray *b, py_val slice, py_val value) {
    py_vstr tmp = {NULL, 0, 0};
    const uint8_t *src = NULL;
    size_t n = 0;
    if (value != PY_NULL) {
        if (is_number_or_str(value)) {
            py_raise_msg(&py_type_TypeError,
                         "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        src = source(b, value, &n, &tmp);
    }
    // the indices are taken after the value is gathered (which may run code changing b)
    py_int_t start, stop, step;
    size_t count = py_slice_indices(slice, b->len, &start, &stop, &step);
    if (step == 1) {
        splice(b, (size_t)start, count, src, n);
        return;
    }
    if (value != PY_NULL && n != 0) { // as CPython, assigning nothing deletes the items
        if (n != count) {
            py_raise_fmt(&py_type_ValueError,
                         "attempt to assign bytes of size %zu to extended slice of size %zu", n,
                         count);
        }
        for (size_t i = 0; i < count; i++) {
            b->data[start + (py_int_t)i * step] = src[i];
        }
        return;
    }
    if (count == 0) {
        return;
    }
    if (step < 0) {
        // the same items walked upwards
        start += (py_int_t)(count - 1) * step;
        step = -step;
    }
    // compact: keep every byte not on the slice's positions
    size_t w = (size_t)start;
    for (size_t r = (size_t)start; r < b->len; r++) {
        if (r - (size_t)start < count * (size_t)step && (r - (size_t)start) % (size_t)step == 0) {
            continue;
        }
        b->data[w++] = b->data[r];
    }
    b->len = w;
    maybe_shrink(b);
}

static py_val bytearray_subscr(py_val self, py_val index, py_val value) {
    py_bytearray *b = (py_bytearray *)self;
    if (py_is_obj(index) && index->type == &py_type_slice) {
        if (value == PY_SENTINEL) {
            py_int_t start, stop, step;
            size_t n = py_slice_indices(index, b->len, &start, &stop, &step);
            if (step == 1) {
                return py_bytearray_new(b->data + start, n);
            }
            py_bytearray *r = (py_bytearray *)py_bytearray_new("", 0);
            reserve(r, n);
            for (size_t i = 0; i < n; i++) {
                r->data[i] = b->data[start + (py_int_t)i * step];
            }
            r->len = n;
            return (py_val)r;
        }
        assign_slice(b, index, value);
        return PY_NONE;
    }
    py_int_t i;
    bool ovf;
    if (!py_bytes_as_index(index, &i, &ovf)) {
        py_raise_fmt(&py_type_TypeError, "bytearray indices must be integers or slices, not %T",
                     index);
    }
    if (ovf) {
        py_raise_msg(&py_type_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    // the value is converted before the range check (its __index__ may resize b)
    uint8_t byte = value != PY_SENTINEL && value != PY_NULL ? py_bytes_byte(value) : 0;
    if (i < 0) {
        i += (py_int_t)b->len;
    }
    if (i < 0 || (size_t)i >= b->len) {
        py_raise_msg(&py_type_IndexError, "bytearray index out of range");
    }
    if (value == PY_SENTINEL) {
        return py_small(b->data[i]);
    }
    if (value == PY_NULL) {
        splice(b, (size_t)i, 1, NULL, 0);
    } else {
        b->data[i] = byte;
    }
    return PY_NONE;
}

static py_val bytearray_getiter(py_val self) {
    return py_bytes_iter_new(self, &py_bytearray_iter_type);
}

static bool bytearray_buffer(py_val self, py_buffer *buf, int flags) {
    (void)flags;
    py_bytearray *b = (py_bytearray *)self;
    buf->buf = b->data;
    buf->len = b->len;
    buf->typecode = 'B';
    return true;
}

// ---- methods that mutate ----------------------------------------------------------------------
static py_val bytearray_append(py_val self, py_val item) {
    py_bytearray *b = ba_of(self);
    uint8_t c = py_bytes_byte(item);
    reserve(b, b->len + 1);
    b->data[b->len++] = c;
    return PY_NONE;
}
PY_FN_OBJ_2(py_bytearray_append_obj, append, bytearray_append);

static py_val bytearray_extend(py_val self, py_val iterable) {
    py_bytearray *b = ba_of(self);
    size_t n;
    py_vstr tmp;
    const uint8_t *p;
    py_buffer buf;
    if (py_get_buffer_maybe(iterable, &buf, PY_BUFFER_READ) ||
        py_typeof(iterable) == &py_type_memoryview) {
        p = source(b, iterable, &n, &tmp);
    } else {
        if (!py_is_iterable(iterable)) {
            py_raise_fmt(&py_type_TypeError, "can't extend bytearray with %T", iterable);
        }
        py_vstr_init(&tmp, 16);
        py_bytes_fill_iterable(&tmp, iterable, true);
        p = (const uint8_t *)py_vstr_data(&tmp);
        n = tmp.len;
    }
    splice(b, b->len, 0, p, n);
    return PY_NONE;
}
PY_FN_OBJ_2(py_bytearray_extend_obj, extend, bytearray_extend);

static py_val bytearray_insert(py_val self, py_val index, py_val item) {
    py_bytearray *b = ba_of(self);
    py_int_t i = py_bytes_arg_int(index);
    uint8_t c = py_bytes_byte(item);
    py_int_t n = (py_int_t)b->len;
    if (i < 0) {
        i = i + n < 0 ? 0 : i + n;
    } else if (i > n) {
        i = n;
    }
    splice(b, (size_t)i, 0, &c, 1);
    return PY_NONE;
}
PY_FN_OBJ_3(py_bytearray_insert_obj, insert, bytearray_insert);

static py_val bytearray_pop(size_t n_args, const py_val *args) {
    py_bytearray *b = ba_of(args[0]);
    py_int_t i = n_args > 1 ? py_bytes_arg_int(args[1]) : -1;
    if (b->len == 0) {
        py_raise_msg(&py_type_IndexError, "pop from empty bytearray");
    }
    if (i < 0) {
        i += (py_int_t)b->len;
    }
    if (i < 0 || (size_t)i >= b->len) {
        py_raise_msg(&py_type_IndexError, "pop index out of range");
    }
    uint8_t c = b->data[i];
    splice(b, (size_t)i, 1, NULL, 0);
    return py_small(c);
}
PY_FN_OBJ_VAR(py_bytearray_pop_obj, pop, 1, 2, bytearray_pop);

static py_val bytearray_remove(py_val self, py_val value) {
    py_bytearray *b = ba_of(self);
    uint8_t c = py_bytes_byte(value);
    const uint8_t *p = b->len ? memchr(b->data, c, b->len) : NULL;
    if (p == NULL) {
        py_raise_msg(&py_type_ValueError, "value not found in bytearray");
    }
    splice(b, (size_t)(p - b->data), 1, NULL, 0);
    return PY_NONE;
}
PY_FN_OBJ_2(py_bytearray_remove_obj, remove, bytearray_remove);

static py_val bytearray_clear(py_val self) {
    py_bytearray *b = ba_of(self);
    b->len = 0;
    maybe_shrink(b);
    return PY_NONE;
}
PY_FN_OBJ_1(py_bytearray_clear_obj, clear, bytearray_clear);

static py_val bytearray_copy(py_val self) {
    py_bytearray *b = ba_of(self);
    return py_bytearray_new(b->data, b->len);
}
PY_FN_OBJ_1(py_bytearray_copy_obj, copy, bytearray_copy);

static py_val bytearray_reverse(py_val self) {
    py_bytearray *b = ba_of(self);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        uint8_t t = b->data[i];
        b->data[i] = b->data[j - 1];
        b->data[j - 1] = t;
    }
    return PY_NONE;
}
PY_FN_OBJ_1(py_bytearray_reverse_obj, reverse, bytearray_reverse);

// bytearray.__init__(self, source=..., encoding=..., errors=...): refills self
static py_val bytearray_init(size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args == 0) {
        py_raise_msg(&py_type_TypeError,
                     "descriptor '__init__' of 'bytearray' object needs an argument");
    }
    py_bytearray *b = ba_of(args[0]);
    py_vstr v;
    py_vstr_init(&v, 16);
    py_bytes_fill(&v, true, n_args - 1, n_kw, args + 1);
    b->len = 0;
    splice(b, 0, 0, (const uint8_t *)py_vstr_data(&v), v.len);
    maybe_shrink(b);
    return PY_NONE;
}
PY_FN_OBJ_KW(py_bytearray_init_obj, __init__, bytearray_init);

const py_type py_type_bytearray = {
    .base = {&py_type_type},
    .name = PY_QSTR_bytearray,
    .flags = PY_TF_BASETYPE,
    .print = bytearray_print,
    .make_new = bytearray_make_new,
    .unary_op = bytearray_unary_op,
    .binary_op = bytearray_binary_op,
    .subscr = bytearray_subscr,
    .getiter = bytearray_getiter,
    .buffer = bytearray_buffer,
    .locals = (py_dict *)&py_bytearray_locals,
    .base_type = &py_type_object,
};

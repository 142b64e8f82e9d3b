// py/objrange.c: range and its iterator. Bounds are arbitrary ints as in CPython; when all of
// start, stop, step and the length are small ints (the usual case) every operation stays on
// C integers, and iteration never allocates.
#include "py/objlist.h"
#include "py/runtime.h"

static inline bool all_small(const py_range *r) {
    return py_is_small(r->start) && py_is_small(r->stop) && py_is_small(r->step) && py_is_small(r->len);
}

static py_val op(int o, py_val a, py_val b) { return py_binary_op(o, a, b); }
static bool lt(py_val a, py_val b) { return py_is_true(py_binary_op(PY_OP_LT, a, b)); }

// max(0, ceil((stop - start) / step)), for any ints
static py_val compute_len(py_val start, py_val stop, py_val step) {
    if (py_is_small(start) && py_is_small(stop) && py_is_small(step)) {
        py_int_t a = py_small_get(start), b = py_small_get(stop), s = py_small_get(step);
        // small ints are < 2**62 in magnitude, so b - a cannot overflow
        if (s > 0 && a < b) {
            return py_small((b - a - 1) / s + 1);
        }
        if (s < 0 && a > b) {
            return py_small((a - b - 1) / (-s) + 1);
        }
        return py_small(0);
    }
    py_val zero = py_small(0), one = py_small(1);
    if (lt(zero, step)) {
        if (!lt(start, stop)) {
            return zero;
        }
        return op(PY_OP_ADD, op(PY_OP_FLOORDIV, op(PY_OP_SUB, op(PY_OP_SUB, stop, start), one), step), one);
    }
    if (!lt(stop, start)) {
        return zero;
    }
    py_val neg = op(PY_OP_SUB, zero, step);
    return op(PY_OP_ADD, op(PY_OP_FLOORDIV, op(PY_OP_SUB, op(PY_OP_SUB, start, stop), one), neg), one);
}

py_val py_range_new(py_val start, py_val stop, py_val step) {
    py_range *r = py_new(py_range, &py_type_range);
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = compute_len(start, stop, step);
    return (py_val)r;
}

static py_val range_arg(py_val v) {
    if (py_is_int(v) && py_typeof(v) != &py_type_bool) {
        return v;
    }
    if (py_typeof(v) == &py_type_bool) {
        return py_small(v == PY_TRUE);
    }
    py_val idx = py_unary_op(PY_UOP_INDEX, v);
    if (idx == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    return idx;
}

static py_val range_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    py_arg_check_no_kw("range", n_kw);
    if (n_args == 0) {
        py_raise_msg(&py_type_TypeError, "range expected at least 1 argument, got 0");
    }
    if (n_args > 3) {
        py_raise_fmt(&py_type_TypeError, "range expected at most 3 arguments, got %d", (int)n_args);
    }
    py_val start = py_small(0), stop, step = py_small(1);
    if (n_args == 1) {
        stop = range_arg(args[0]);
    } else {
        start = range_arg(args[0]);
        stop = range_arg(args[1]);
        if (n_args == 3) {
            step = range_arg(args[2]);
            if (step == py_small(0)) {
                py_raise_msg(&py_type_ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return py_range_new(start, stop, step);
}

static void range_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_range *r = (py_range *)self;
    if (r->step == py_small(1)) {
        py_printf(p, "range(%r, %r)", r->start, r->stop);
    } else {
        py_printf(p, "range(%r, %r, %r)", r->start, r->stop, r->step);
    }
}

// The index of v in r, or PY_NULL.
static py_val range_index_of(py_range *r, py_val v) {
    if (!py_is_int(v)) {
        return PY_NULL;
    }
    if (py_typeof(v) == &py_type_bool) {
        v = py_small(v == PY_TRUE);
    }
    if (all_small(r) && py_is_small(v)) {
        py_int_t i = py_small_get(v), a = py_small_get(r->start), s = py_small_get(r->step);
        py_int_t n = py_small_get(r->len);
        if (n == 0) {
            return PY_NULL;
        }
        py_int_t off = i - a;
        if (off % s != 0) {
            return PY_NULL;
        }
        py_int_t k = off / s;
        return k >= 0 && k < n ? py_small(k) : PY_NULL;
    }
    py_val off = op(PY_OP_SUB, v, r->start);
    if (!py_equal(op(PY_OP_MOD, off, r->step), py_small(0))) {
        return PY_NULL;
    }
    py_val k = op(PY_OP_FLOORDIV, off, r->step);
    if (lt(k, py_small(0)) || !lt(k, r->len)) {
        return PY_NULL;
    }
    return k;
}

static py_val range_binary_op(int o, py_val lhs, py_val rhs) {
    py_range *r = (py_range *)lhs;
    if (o == PY_OP_CONTAINS) {
        if (py_is_int(rhs)) {
            return py_bool(range_index_of(r, rhs) != PY_NULL);
        }
        return PY_NULL; // equality-based search
    }
    if ((o == PY_OP_EQ || o == PY_OP_NE) && py_typeof(rhs) == &py_type_range) {
        py_range *x = (py_range *)rhs;
        bool eq = py_equal(r->len, x->len) &&
                  (r->len == py_small(0) ||
                   (py_equal(r->start, x->start) && (r->len == py_small(1) || py_equal(r->step, x->step))));
        return py_bool(eq == (o == PY_OP_EQ));
    }
    return PY_NULL;
}

static py_val range_unary_op(int o, py_val self) {
    py_range *r = (py_range *)self;
    switch (o) {
    case PY_UOP_BOOL: return py_bool(r->len != py_small(0));
    case PY_UOP_LEN:
        // len() is limited to sys.maxsize, as in CPython (a big int up to that is fine)
        if (!py_is_small(r->len) && lt(py_int_from_ll((long long)INTPTR_MAX), r->len)) {
            py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C ssize_t");
        }
        return r->len;
    case PY_UOP_HASH: {
        py_val t[3] = {r->len, r->len == py_small(0) ? PY_NONE : r->start,
                       r->len == py_small(0) || r->len == py_small(1) ? PY_NONE : r->step};
        return py_unary_op(PY_UOP_HASH, py_tuple_new(3, t));
    }
    default: return PY_NULL;
    }
}

static py_val range_item(py_range *r, py_val i) { return op(PY_OP_ADD, r->start, op(PY_OP_MUL, i, r->step)); }

static py_val range_subscr(py_val self, py_val index, py_val value) {
    if (value != PY_SENTINEL) {
        return PY_NULL;
    }
    py_range *r = (py_range *)self;
    if (py_is_obj(index) && index->type == &py_type_slice) {
        if (!py_is_small(r->len)) {
            py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C ssize_t");
        }
        py_int_t start, stop, step;
        py_slice_indices(index, (size_t)py_small_get(r->len), &start, &stop, &step);
        return py_range_new(range_item(r, py_small(start)), range_item(r, py_small(stop)),
                            op(PY_OP_MUL, r->step, py_small(step)));
    }
    if (!py_is_int(index)) {
        py_val idx = py_unary_op(PY_UOP_INDEX, index);
        if (idx == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "range indices must be integers or slices, not %T", index);
        }
        index = idx;
    }
    if (all_small(r) && py_is_small(index)) {
        py_int_t i = py_small_get(index), n = py_small_get(r->len);
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            py_raise_msg(&py_type_IndexError, "range object index out of range");
        }
        return py_int_from(py_small_get(r->start) + i * py_small_get(r->step));
    }
    py_val i = index;
    if (lt(i, py_small(0))) {
        i = op(PY_OP_ADD, i, r->len);
    }
    if (lt(i, py_small(0)) || !lt(i, r->len)) {
        py_raise_msg(&py_type_IndexError, "range object index out of range");
    }
    return range_item(r, i);
}

// ---- iteration ----------------------------------------------------------------------------------
typedef struct range_iter {
    py_obj base;
    py_int_t cur, step;
    size_t left;
} range_iter;

static py_val range_iter_next(py_val self) {
    range_iter *it = (range_iter *)self;
    if (it->left == 0) {
        return PY_STOP;
    }
    it->left--;
    py_int_t v = it->cur;
    it->cur += it->step;
    return py_small(v);
}

static const py_type range_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_range_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = range_iter_next,
    .base_type = &py_type_object,
};

typedef struct longrange_iter {
    py_obj base;
    py_val cur, step, left;
} longrange_iter;

static py_val longrange_iter_next(py_val self) {
    longrange_iter *it = (longrange_iter *)self;
    if (it->left == py_small(0)) {
        return PY_STOP;
    }
    it->left = op(PY_OP_SUB, it->left, py_small(1));
    py_val v = it->cur;
    it->cur = op(PY_OP_ADD, it->cur, it->step);
    return v;
}

static const py_type longrange_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_longrange_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = longrange_iter_next,
    .base_type = &py_type_object,
};

static py_val range_getiter(py_val self) {
    py_range *r = (py_range *)self;
    if (all_small(r)) {
        // the last value start + (len - 1) * step is within the range, so it fits
        range_iter *it = py_new(range_iter, &range_iter_type);
        it->cur = py_small_get(r->start);
        it->step = py_small_get(r->step);
        it->left = (size_t)py_small_get(r->len);
        py_int_t last = it->cur + (py_int_t)(it->left ? it->left - 1 : 0) * it->step;
        if (py_small_fits(last) && py_small_fits(last + it->step)) {
            return (py_val)it;
        }
    }
    longrange_iter *it = py_new(longrange_iter, &longrange_iter_type);
    it->cur = r->start;
    it->step = r->step;
    it->left = r->len;
    return (py_val)it;
}

static py_val range_reversed(py_val self) {
    py_range *r = (py_range *)self;
    py_val last = op(PY_OP_ADD, r->start, op(PY_OP_MUL, op(PY_OP_SUB, r->len, py_small(1)), r->step));
    py_val neg = op(PY_OP_SUB, py_small(0), r->step);
    py_range rev = {{&py_type_range}, last, PY_NULL, neg, r->len};
    return range_getiter((py_val)&rev);
}
static PY_FN_OBJ_1(range_reversed_obj, __reversed__, range_reversed);

static void range_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    py_range *r = (py_range *)self;
    if (attr == PY_QSTR_start) {
        dest[0] = r->start;
    } else if (attr == PY_QSTR_stop) {
        dest[0] = r->stop;
    } else if (attr == PY_QSTR_step) {
        dest[0] = r->step;
    }
}

static py_val range_index(py_val self, py_val v) {
    py_val k = range_index_of((py_range *)self, v);
    if (k == PY_NULL) {
        if (!py_is_int(v)) {
            // an equal non-int (e.g. 2.0) still counts, by iteration
            py_val it = range_getiter(self);
            py_int_t i = 0;
            for (py_val x; (x = py_iternext(it)) != PY_STOP; i++) {
                if (py_equal(x, v)) {
                    return py_int_from(i);
                }
            }
        }
        py_raise_fmt(&py_type_ValueError, "%r is not in range", v);
    }
    return k;
}
static PY_FN_OBJ_2(range_index_obj, index, range_index);

static py_val range_count(py_val self, py_val v) {
    if (py_is_int(v)) {
        return py_small(range_index_of((py_range *)self, v) != PY_NULL ? 1 : 0);
    }
    py_val it = range_getiter(self);
    py_int_t c = 0;
    for (py_val x; (x = py_iternext(it)) != PY_STOP;) {
        c += py_equal(x, v);
    }
    return py_small(c);
}
static PY_FN_OBJ_2(range_count_obj, count, range_count);

static const py_dict_entry range_locals_table[] = {
    PY_ROM_ENTRY(index, &range_index_obj),
    PY_ROM_ENTRY(count, &range_count_obj),
    PY_ROM_ENTRY(__reversed__, &range_reversed_obj),
};
static PY_ROM_DICT(range_locals, range_locals_table);

const py_type py_type_range = {
    .base = {&py_type_type},
    .name = PY_QSTR_range,
    .print = range_print,
    .make_new = range_make_new,
    .unary_op = range_unary_op,
    .binary_op = range_binary_op,
    .subscr = range_subscr,
    .getiter = range_getiter,
    .attr = range_attr,
    .locals = (py_dict *)&range_locals,
    .base_type = &py_type_object,
};

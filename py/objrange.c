// py/objrange.c: range and its iterator. Bounds are small ints (a range past them raises
// OverflowError, documented); len, index, contains and slicing are computed, not iterated.
#include "py/objlist.h"
#include "py/runtime.h"

static size_t range_len(const py_range *r) {
    if (r->step > 0 && r->start < r->stop) {
        return (size_t)((r->stop - r->start - 1) / r->step + 1);
    }
    if (r->step < 0 && r->start > r->stop) {
        return (size_t)((r->start - r->stop - 1) / (-r->step) + 1);
    }
    return 0;
}

py_val py_range_new(py_int_t start, py_int_t stop, py_int_t step) {
    py_range *r = py_new(py_range, &py_type_range);
    r->start = start;
    r->stop = stop;
    r->step = step;
    return (py_val)r;
}

static py_int_t range_arg(py_val v) {
    py_int_t i;
    if (!py_is_int(v)) {
        py_val idx = py_unary_op(PY_UOP_INDEX, v);
        if (idx == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
        }
        v = idx;
    }
    if (!py_get_int_maybe(v, &i) || i > PY_SMALL_MAX / 2 || i < PY_SMALL_MIN / 2) {
        py_raise_msg(&py_type_OverflowError, "range() argument is too large");
    }
    return i;
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
    py_int_t start = 0, stop, step = 1;
    if (n_args == 1) {
        stop = range_arg(args[0]);
    } else {
        start = range_arg(args[0]);
        stop = range_arg(args[1]);
        if (n_args == 3) {
            step = range_arg(args[2]);
            if (step == 0) {
                py_raise_msg(&py_type_ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return py_range_new(start, stop, step);
}

static void range_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_range *r = (py_range *)self;
    if (r->step == 1) {
        py_printf(p, "range(%ld, %ld)", (long)r->start, (long)r->stop);
    } else {
        py_printf(p, "range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
    }
}

static bool range_has(py_range *r, py_val v, py_int_t *index) {
    py_int_t i;
    if (!py_is_int(v) || !py_get_int_maybe(v, &i)) {
        return false;
    }
    size_t n = range_len(r);
    if (n == 0) {
        return false;
    }
    py_int_t off = i - r->start;
    if (off % r->step != 0) {
        return false;
    }
    py_int_t k = off / r->step;
    if (k < 0 || (size_t)k >= n) {
        return false;
    }
    *index = k;
    return true;
}

static py_val range_binary_op(int op, py_val lhs, py_val rhs) {
    py_range *r = (py_range *)lhs;
    if (op == PY_OP_CONTAINS) {
        py_int_t k;
        if (py_is_int(rhs)) {
            return py_bool(range_has(r, rhs, &k));
        }
        return PY_NULL; // equality-based search
    }
    if ((op == PY_OP_EQ || op == PY_OP_NE) && py_typeof(rhs) == &py_type_range) {
        py_range *o = (py_range *)rhs;
        size_t a = range_len(r), b = range_len(o);
        bool eq = a == b && (a == 0 || (r->start == o->start && (a == 1 || r->step == o->step)));
        return py_bool(eq == (op == PY_OP_EQ));
    }
    return PY_NULL;
}

static py_val range_unary_op(int op, py_val self) {
    py_range *r = (py_range *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(range_len(r) != 0);
    case PY_UOP_LEN: return py_small((py_int_t)range_len(r));
    default: return PY_NULL;
    }
}

static py_val range_subscr(py_val self, py_val index, py_val value) {
    if (value != PY_SENTINEL) {
        return PY_NULL;
    }
    py_range *r = (py_range *)self;
    size_t n = range_len(r);
    if (py_is_obj(index) && index->type == &py_type_slice) {
        py_int_t start, stop, step;
        size_t m = py_slice_indices(index, n, &start, &stop, &step);
        py_int_t nstart = r->start + start * r->step;
        py_int_t nstep = r->step * step;
        return py_range_new(nstart, nstart + (py_int_t)m * nstep, nstep);
    }
    size_t i = py_seq_index("range object", n, index);
    return py_int_from(r->start + (py_int_t)i * r->step);
}

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

static py_val range_getiter(py_val self) {
    py_range *r = (py_range *)self;
    range_iter *it = py_new(range_iter, &range_iter_type);
    it->cur = r->start;
    it->step = r->step;
    it->left = range_len(r);
    return (py_val)it;
}

static void range_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    py_range *r = (py_range *)self;
    if (attr == PY_QSTR_start) {
        dest[0] = py_small(r->start);
    } else if (attr == PY_QSTR_stop) {
        dest[0] = py_small(r->stop);
    } else if (attr == PY_QSTR_step) {
        dest[0] = py_small(r->step);
    }
}

static py_val range_index(py_val self, py_val v) {
    py_int_t k;
    if (!range_has((py_range *)self, v, &k)) {
        py_raise_fmt(&py_type_ValueError, "%r is not in range", v);
    }
    return py_small(k);
}
static PY_FN_OBJ_2(range_index_obj, index, range_index);

static py_val range_count(py_val self, py_val v) {
    py_int_t k;
    return py_small(range_has((py_range *)self, v, &k) ? 1 : 0);
}
static PY_FN_OBJ_2(range_count_obj, count, range_count);

static const py_dict_entry range_locals_table[] = {
    PY_ROM_ENTRY(index, &range_index_obj),
    PY_ROM_ENTRY(count, &range_count_obj),
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

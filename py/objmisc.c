// py/objmisc.c: the small singleton types (None, Ellipsis, NotImplemented), slice, and the
// C-interface markers PY_STOP / PY_SENTINEL.
#include "py/runtime.h"

static void none_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_print_str(p, self == PY_NONE ? "None" : self == PY_ELLIPSIS ? "Ellipsis" : "NotImplemented");
}

static py_val none_unary_op(int op, py_val self) {
    if (op == PY_UOP_BOOL) {
        return py_bool(self != PY_NONE);
    }
    return PY_NULL;
}

static py_val singleton_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)args;
    if (n_args || n_kw) {
        py_raise_fmt(&py_type_TypeError, "%q takes no arguments", (qstr)t->name);
    }
    return t == &py_type_none ? PY_NONE : t == &py_type_ellipsis ? PY_ELLIPSIS : PY_NOTIMPLEMENTED;
}

const py_type py_type_none = {
    .base = {&py_type_type},
    .name = PY_QSTR_NoneType,
    .flags = PY_TF_EQ_ID,
    .print = none_print,
    .make_new = singleton_make_new,
    .unary_op = none_unary_op,
    .base_type = &py_type_object,
};
const py_type py_type_ellipsis = {
    .base = {&py_type_type},
    .name = PY_QSTR_ellipsis,
    .flags = PY_TF_EQ_ID,
    .print = none_print,
    .make_new = singleton_make_new,
    .base_type = &py_type_object,
};
const py_type py_type_notimplemented = {
    .base = {&py_type_type},
    .name = PY_QSTR_NotImplementedType,
    .flags = PY_TF_EQ_ID,
    .print = none_print,
    .make_new = singleton_make_new,
    .base_type = &py_type_object,
};
const py_obj py_const_none = {&py_type_none};
const py_obj py_const_ellipsis = {&py_type_ellipsis};
const py_obj py_const_notimplemented = {&py_type_notimplemented};
const py_obj py_const_stop = {&py_type_none};
const py_obj py_const_sentinel = {&py_type_none};

// ---- slice ------------------------------------------------------------------------------------
static void slice_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_slice *s = (py_slice *)self;
    py_printf(p, "slice(%r, %r, %r)", s->start, s->stop, s->step);
}

static py_val slice_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    py_arg_check_no_kw("slice", n_kw);
    py_arg_check_count("slice", n_args, 1, 3);
    if (n_args == 1) {
        return py_slice_new(PY_NONE, args[0], PY_NONE);
    }
    return py_slice_new(args[0], args[1], n_args == 3 ? args[2] : PY_NONE);
}

static void slice_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    py_slice *s = (py_slice *)self;
    if (attr == PY_QSTR_start) {
        dest[0] = s->start;
    } else if (attr == PY_QSTR_stop) {
        dest[0] = s->stop;
    } else if (attr == PY_QSTR_step) {
        dest[0] = s->step;
    }
}

static py_val slice_binary_op(int op, py_val lhs, py_val rhs) {
    if ((op == PY_OP_EQ || op == PY_OP_NE) && py_typeof(rhs) == &py_type_slice) {
        py_slice *a = (py_slice *)lhs, *b = (py_slice *)rhs;
        bool eq = py_equal(a->start, b->start) && py_equal(a->stop, b->stop) && py_equal(a->step, b->step);
        return py_bool(eq == (op == PY_OP_EQ));
    }
    return PY_NULL;
}

static py_val slice_indices_m(py_val self, py_val len) {
    py_int_t n = py_get_int(len);
    if (n < 0) {
        py_raise_msg(&py_type_ValueError, "length should not be negative");
    }
    py_int_t a, b, c;
    py_slice_indices(self, (size_t)n, &a, &b, &c);
    py_val t[3] = {py_small(a), py_small(b), py_small(c)};
    return py_tuple_new(3, t);
}
static PY_FN_OBJ_2(slice_indices_obj, indices, slice_indices_m);

static const py_dict_entry slice_locals_table[] = {
    PY_ROM_ENTRY(indices, &slice_indices_obj),
};
static PY_ROM_DICT(slice_locals, slice_locals_table);

const py_type py_type_slice = {
    .base = {&py_type_type},
    .name = PY_QSTR_slice,
    .print = slice_print,
    .make_new = slice_make_new,
    .attr = slice_attr,
    .binary_op = slice_binary_op,
    .locals = (py_dict *)&slice_locals,
    .base_type = &py_type_object,
};

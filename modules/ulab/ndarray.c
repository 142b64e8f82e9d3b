// modules/ulab/ndarray.c: the ndarray type: printing, attributes, methods, indexing, operators.
#include "modules/ulab/ulab.h"
#include "py/runtime.h"

// ulab's format: array([1.0, 2.0], dtype=float64); rows of 2-D and more on their own lines.
static void print_level(const py_print *p, const ul_array *a, const uint8_t *q, int d) {
    py_printf(p, "[");
    for (size_t i = 0; i < a->shape[d]; i++, q += a->strides[d]) {
        if (i && d + 1 == a->ndim) {
            py_printf(p, ", ");
        } else if (i) {
            py_printf(p, ",\n");
            for (int k = 0; k < 7 + d; k++) {
                py_printf(p, " ");
            }
        }
        if (d + 1 == a->ndim) {
            py_print_val(p, ul_item_obj(a->dtype, q), PY_PRINT_REPR);
        } else {
            print_level(p, a, q, d + 1);
        }
    }
    py_printf(p, "]");
}

static void ndarray_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    const ul_array *a = (const ul_array *)self;
    py_printf(p, "array(");
    print_level(p, a, a->data, 0);
    py_printf(p, ", dtype=%s)", ul_dtype_name(a->dtype));
}

static py_val shape_tuple(const ul_array *a) {
    py_val t = py_tuple_new(a->ndim, NULL);
    for (int d = 0; d < a->ndim; d++) {
        ((py_tuple *)t)->items[d] = py_int_from((py_int_t)a->shape[d]);
    }
    return t;
}

static void ndarray_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] != PY_NULL) {
        return;
    }
    const ul_array *a = (const ul_array *)self;
    switch (attr) {
    case PY_QSTR_shape: dest[0] = shape_tuple(a); break;
    case PY_QSTR_size: dest[0] = py_int_from((py_int_t)a->len); break;
    case PY_QSTR_ndim: dest[0] = py_small(a->ndim); break;
    case PY_QSTR_itemsize: dest[0] = py_small(a->itemsize); break;
    case PY_QSTR_dtype: dest[0] = ul_dtype_obj(a->dtype); break;
    default: break;
    }
}

static py_val ndarray_tolist(py_val self) { return ul_tolist((const ul_array *)self); }
static PY_FN_OBJ_1(ndarray_tolist_obj, tolist, ndarray_tolist);

static const py_dict_entry ndarray_locals_table[] = {
    PY_ROM_ENTRY(tolist, &ndarray_tolist_obj),
};
static PY_ROM_DICT(ndarray_locals, ndarray_locals_table);

const py_type ul_ndarray_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_ndarray,
    .print = ndarray_print,
    .attr = ndarray_attr,
    .locals = (py_dict *)&ndarray_locals,
    .base_type = &py_type_object,
};

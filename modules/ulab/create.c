// modules/ulab/create.c: the functions of ulab.numpy that make arrays.
#include "modules/ulab/ulab.h"
#include "py/runtime.h"

// array(object, dtype=float)
static py_val array_fn(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_object, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_dtype, 0, PY_NULL},
    };
    py_val v[2];
    py_arg_parse("array", n_args, n_kw, args, 0, spec, 2, v);
    return (py_val)ul_from_obj(v[0], ul_dtype_arg(v[1], -1));
}
PY_FN_OBJ_KW(ul_array_fn_obj, array, array_fn);

// modules/ulab/fns_create.h: the functions of create.c in ulab.numpy (an X-macro list read by
// ulab.c: UL_ENTRY(qstr, C type, object)).
UL_ENTRY(PY_QSTR_array, py_builtin, ul_array_fn_obj)

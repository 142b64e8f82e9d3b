// modules/ulab/fns_linalg.h: the functions of linalg.c, fft.c, poly.c and filter.c in
// ulab.numpy, and its submodules linalg and fft (an X-macro list read by ulab.c:
// UL_ENTRY(qstr, C type, object)).
UL_ENTRY(PY_QSTR_dot_name, py_builtin, ul_dot_obj)
UL_ENTRY(PY_QSTR_cross, py_builtin, ul_cross_obj)
UL_ENTRY(PY_QSTR_linalg, py_module, ul_linalg_module)
UL_ENTRY(PY_QSTR_fft, py_module, ul_fft_module)
UL_ENTRY(PY_QSTR_polyfit, py_builtin, ul_polyfit_obj)
UL_ENTRY(PY_QSTR_polyval, py_builtin, ul_polyval_obj)
UL_ENTRY(PY_QSTR_interp, py_builtin, ul_interp_obj)
UL_ENTRY(PY_QSTR_trapz, py_builtin, ul_trapz_obj)
UL_ENTRY(PY_QSTR_convolve, py_builtin, ul_convolve_obj)

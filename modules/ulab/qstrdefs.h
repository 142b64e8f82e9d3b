// modules/ulab/qstrdefs.h: qstrs of ulab whose text is not an identifier (read by
// tools/gen_qstr.py only; never included).
QDEF(6_dot_5_dot_0_hyphen_rtpy, "6.5.0-rtpy")
QDEF(dot_name, "dot") // PY_QSTR_dot is "." (py/qstrdefs.h)

// modules/ulab/fns_numerical.h: the functions of numerical.c and vector.c in ulab.numpy (an
// X-macro list read by ulab.c: UL_ENTRY(qstr, C type, object)).

// modules/ulab/fns_linalg.h: the functions of linalg.c, fft.c, poly.c and filter.c in
// ulab.numpy, and its submodules linalg and fft (an X-macro list read by ulab.c:
// UL_ENTRY(qstr, C type, object)).

// py/builtins.h: the builtins namespace.
#ifndef PY_BUILTINS_H
#define PY_BUILTINS_H

#include "py/obj.h"

extern const py_dict py_builtins_dict;
extern const py_builtin py_builtin___build_class___obj;
extern const py_type py_type_enumerate, py_type_zip, py_type_map, py_type_filter, py_type_reversed;

// print() to the console with CPython's sep/end defaults (used by the REPL echo too).
void py_builtin_print_to(py_val file, size_t n, const py_val *args, py_val sep, py_val end);
// iter(callable, sentinel)
py_val py_callable_iter_new(py_val fn, py_val sentinel);

#endif // PY_BUILTINS_H

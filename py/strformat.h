// py/strformat.h: str.format and str.format_map, for str's method table (py/strmethods.c).
// Their implementation, py/strformat.c, also holds str % args (py_str_mod_format, declared in
// py/objstr.h). Both may raise (ValueError, IndexError, KeyError, TypeError and whatever the
// formatted values' __format__/__str__/__repr__ raise) and allocate the result; context: the
// interpreter thread.
#ifndef PY_STRFORMAT_H
#define PY_STRFORMAT_H

#include "py/obj.h"

/** str.format(self, *args, **kwargs) and str.format_map(self, mapping) as built-in methods. */
extern const py_builtin py_strformat_format_obj, py_strformat_format_map_obj;

#endif // PY_STRFORMAT_H

// py/objexc.h: exception objects beyond what py/runtime.h exports.
// Tracebacks are kept compactly on the exception: one (file, line, function) entry per frame
// the exception passed through, innermost last. The preallocated MemoryError has a fixed
// traceback buffer so raising it never allocates.
#ifndef PY_OBJEXC_H
#define PY_OBJEXC_H

#include "py/obj.h"

typedef struct py_tb_entry {
    qstr file;
    qstr func;
    uint32_t line;
} py_tb_entry;

typedef struct py_traceback {
    uint32_t len, cap;
    py_tb_entry e[];
} py_traceback;

// Instance for `raise X`: X itself if an instance, X() if an exception class; TypeError
// "exceptions must derive from BaseException" otherwise.
py_val py_exc_instantiate(py_val v);
// raise ... from cause: sets __cause__ (None clears it) and __suppress_context__.
void py_exc_set_cause(py_val exc, py_val cause);
// TypeError unless `cls` is an exception class or a tuple of them (an except clause).
void py_exc_check_catchable(py_val cls);
bool py_exc_is_emergency(py_val exc); // the preallocated MemoryError
py_val py_exc_new_name_error(qstr name);
py_val py_exc_new_import_error_fmt(qstr name, py_val module_name);
py_val py_stop_iteration_value(py_val exc); // StopIteration.value (None if no args)
bool py_is_exc_type(py_val v);
// The first argument, or PY_NULL (SystemExit.code, KeyError's key, ...).
py_val py_exc_arg0(py_val exc);
// The exception's traceback as an object (None if it has none), for __exit__/__traceback__.
py_val py_exc_traceback_obj(py_val exc);
extern const py_type py_type_traceback;
// The slots every exception type shares, for exception types defined in C elsewhere:
//   const py_type my_error = {.base = {&py_type_type}, .name = PY_QSTR_MyError,
//       .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID, .print = py_exc_print,
//       .make_new = py_exc_make_new, .attr = py_exc_attr, .locals = (py_dict *)&py_exc_locals,
//       .base_type = &py_type_Exception};
void py_exc_print(const py_print *p, py_val self, int kind);
py_val py_exc_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args);
void py_exc_attr(py_val self, qstr attr, py_val *dest);
extern const py_dict py_exc_locals;
// Preallocates the MemoryError (called by py_init).
void py_exc_init(void);

#endif // PY_OBJEXC_H

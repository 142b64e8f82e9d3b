// py/objtype.h: `type`, `object`, classes defined in Python and their instances, super,
// property, staticmethod and classmethod.
#ifndef PY_OBJTYPE_H
#define PY_OBJTYPE_H

#include "py/obj.h"

// type(name, bases, namespace): a new class (bases: a tuple; namespace: a dict it keeps).
py_val py_type_new(const py_type *meta, qstr name, py_val bases, py_dict *ns);
// The class statement's helper: __build_class__(body, name, *bases, metaclass=, **kw).
py_val py_build_class(size_t n_args, size_t n_kw, const py_val *args);
// Binds a value found on a type for access through `self` (methods, descriptors).
void py_bind_attr(py_val self, py_val v, py_val *dest);
bool py_is_iterable(py_val v);
// The attribute dict of an instance (class instances, exceptions, functions), or NULL.
py_dict *py_instance_dict(py_val obj, bool create);
// object.__new__(cls): an instance with cls's layout.
py_val py_object_new(const py_type *cls);
// Called when a class's attributes change (invalidates attribute caches).
void py_type_modified(void);
// object.__setattr__/__delattr__ (value PY_NULL): data descriptors, then the instance dict.
void py_object_setattr_generic(py_val self, qstr attr, py_val value);
// Calls a built-in function object (checks its argument count).
py_val py_builtin_call(py_val fn, size_t n_args, size_t n_kw, const py_val *args);
// dir(obj) as a sorted list of names.
py_val py_builtin_dir_of(py_val obj);
extern const py_builtin py_object_init_obj, py_object_str_obj;

#endif // PY_OBJTYPE_H

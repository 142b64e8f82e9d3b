// py/objtype.h: `type`, `object`, classes defined in Python and their instances, super,
// property, staticmethod and classmethod.
#ifndef PY_OBJTYPE_H
#define PY_OBJTYPE_H

#include "py/obj.h"

// A class defined in Python (a heap type): its py_type, then what the runtime caches about
// it. `facts` hold while facts_version == PY_S->type_version_next, which moves on whenever a
// special method of any class changes (py_type_modified); py_class_facts() recomputes them.
typedef struct py_class {
    py_type type;
    uint32_t facts_version;
    uint8_t facts;      // PY_CLASS_* bits
    uint8_t inst_slots; // attribute entries allocated with each instance (see py_instance_new)
    py_val init;        // the __init__ function when facts has PY_CLASS_INIT_PY
} py_class;

#define PY_CLASS_PLAIN_NEW 0x01   // calling it is object.__new__ then __init__; plain py_instance
#define PY_CLASS_INIT_PY 0x02     // __init__ is a Python function (not a generator): `init`
#define PY_CLASS_INIT_OBJECT 0x04 // __init__ is object.__init__
#define PY_CLASS_GETATTR 0x08     // has __getattr__
#define PY_CLASS_SETATTR 0x10     // has __setattr__ or __delattr__ written in Python
#define PY_CLASS_PLAIN_LOAD 0x20  // instances are py_instance and there is no __getattr__
#define PY_CLASS_PLAIN_STORE 0x40 // instances are py_instance and there is no Python __setattr__

// The facts of a heap type, brought up to date (lookups along its MRO when they were stale).
const py_class *py_class_facts(const py_type *t);
// A new instance of a class whose instances are py_instance, with no native part yet: its
// attribute dict is allocated in the same block (MemoryError).
py_val py_instance_new(const py_type *cls);

// py_instance_store_fast's (py/objtype_fast.h) way to add an attribute to instance dict d.
bool py_instance_store_new(py_val obj, py_dict *d, qstr attr, py_val value);

// super(cls, obj).attr in the LOAD_METHOD protocol, without making the super object;
// AttributeError when absent, TypeError for bad arguments (as super() would raise).
void py_super_load_method(py_val cls, py_val obj, qstr attr, py_val dest[2]);

// type(name, bases, namespace): a new class (bases: a tuple; namespace: a dict it keeps).
py_val py_type_new(const py_type *meta, qstr name, py_val bases, py_dict *ns);
// The class statement's helper: __build_class__(body, name, *bases, metaclass=, **kw).
py_val py_build_class(size_t n_args, size_t n_kw, const py_val *args);
// Binds a value found on a type for access through `self` (methods, descriptors).
void py_bind_attr(py_val self, py_val v, py_val *dest);
bool py_is_iterable(py_val v);
// The attribute dict of an instance (class instances, exceptions, functions), or NULL.
py_dict *py_instance_dict(py_val obj, bool create);
// An instance's attribute dict: inline, or where __dict__ moved it.
static inline py_dict *py_instance_attrs(py_instance *o) {
    return (o->dict.flags & PY_DICT_MOVED) ? (py_dict *)o->dict.entries : &o->dict;
}
// object.__new__(cls): an instance with cls's layout.
py_val py_object_new(const py_type *cls);
// Called when the attribute `name` of a class changes: drops what the lookup caches know of
// `name` (PY_QSTR_NULL or a dunder name: drops everything, per-class facts included).
void py_type_modified(qstr name);
// object.__setattr__/__delattr__ (value PY_NULL): data descriptors, then the instance dict.
void py_object_setattr_generic(py_val self, qstr attr, py_val value);
// Calls a built-in function object (checks its argument count).
py_val py_builtin_call(py_val fn, size_t n_args, size_t n_kw, const py_val *args);
// dir(obj) as a sorted list of names.
py_val py_builtin_dir_of(py_val obj);
extern const py_builtin py_object_init_obj, py_object_str_obj;

#endif // PY_OBJTYPE_H

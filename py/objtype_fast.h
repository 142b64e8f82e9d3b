// py/objtype_fast.h: attribute loads on instances of plain classes, inline (the VM's
// LOAD_ATTR and LOAD_METHOD take them on every access; objtype.c shares the helpers).
#ifndef PY_OBJTYPE_FAST_H
#define PY_OBJTYPE_FAST_H

#include "py/runtime.h"
#include "py/objtype.h"
#include "py/state.h"

// A class whose facts are current and say "plain" (PY_CLASS_PLAIN_LOAD/STORE): attribute
// access is the instance dict and the class's attributes, with no hooks to call. Stale facts
// send the access down the generic path, which brings them up to date.
static inline bool plain_instance(py_val obj, uint8_t plain) {
    if (!py_is_obj(obj) || !(obj->type->flags & PY_TF_HEAP)) {
        return false;
    }
    const py_class *c = (const py_class *)obj->type;
    return c->facts_version == PY_S->type_version_next && (c->facts & plain);
}

// py_type_lookup with the cache probe inline.
static inline py_val type_lookup(const py_type *t, qstr name) {
    py_attr_cache_entry *ce = py_attr_cache_slot(t, name);
    if (ce->owner == t && ce->name == name && ce->version == PY_S->type_version_next) {
        return ce->value;
    }
    return py_type_lookup(t, name);
}

// The entry of a name in a small dict of qstr keys, found inline; NULL if absent or if the
// dict is another kind (then the caller uses the py_dict_*_qstr functions).
static inline py_dict_entry *dict_entry_of_name(py_dict *d, qstr name, bool *other) {
    *other = d->flags & (PY_DICT_INDEXED | PY_DICT_OBJ_KEYS | PY_DICT_MOVED);
    if (*other) {
        return NULL;
    }
    py_val key = py_qstr_val(name);
    py_dict_entry *e = d->entries;
    for (uint32_t i = 0, n = d->fill; i < n; i++) {
        if (e[i].key == key) {
            return &e[i];
        }
    }
    return NULL;
}

// An instance's attribute, PY_NULL if absent.
static inline py_val instance_get_name(py_instance *o, qstr name) {
    bool other;
    py_dict_entry *e = dict_entry_of_name(&o->dict, name, &other);
    return e ? e->value : other ? py_dict_get_qstr(py_instance_attrs(o), name) : PY_NULL;
}

static inline __attribute__((always_inline)) bool py_instance_load_fast(py_val obj, qstr attr, py_val dest[2]) {
    if (!plain_instance(obj, PY_CLASS_PLAIN_LOAD)) {
        return false;
    }
    py_val cls_attr = type_lookup(obj->type, attr);
    if (cls_attr != PY_NULL && py_typeof(cls_attr) != &py_type_function) {
        return false; // descriptors, class variables, built-in methods: the generic path
    }
    py_val v = instance_get_name((py_instance *)obj, attr);
    if (v != PY_NULL) {
        dest[0] = v;
        dest[1] = PY_NULL;
        return true;
    }
    if (cls_attr == PY_NULL) {
        return false;
    }
    dest[0] = cls_attr; // a method
    dest[1] = obj;
    return true;
}

// Attribute store for instances of classes without attribute hooks: false, having done
// nothing, when the generic path must be taken. An attribute the instance has is replaced
// here; a new one is added by py_instance_store_new (objtype.c).
static inline __attribute__((always_inline)) bool py_instance_store_fast(py_val obj, qstr attr,
                                                                         py_val value) {
    if (!plain_instance(obj, PY_CLASS_PLAIN_STORE)) {
        return false;
    }
    py_val cls_attr = type_lookup(obj->type, attr);
    if (cls_attr != PY_NULL &&
        (py_typeof(cls_attr) == &py_type_property || (py_typeof(cls_attr)->flags & PY_TF_HEAP))) {
        return false; // maybe a data descriptor
    }
    py_instance *o = (py_instance *)obj;
    bool other;
    py_dict_entry *e = dict_entry_of_name(&o->dict, attr, &other);
    if (e) {
        e->value = value;
        return true;
    }
    return py_instance_store_new(obj, py_instance_attrs(o), attr, value);
}

#endif

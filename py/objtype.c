// py/objtype.c: type and object, classes defined in Python and their instances.
// A class is a heap py_type whose slots look up dunder methods along its MRO (C3), so the
// runtime needs no special case for user classes. Instances of classes deriving from a
// built-in type other than object keep that type's object in `native` (a class deriving from
// list holds a real list); exception classes use the py_exc layout directly.
// Speed: a class caches facts about itself (py_class: how calling it constructs, whether it
// has attribute hooks), instances carry their attribute dict in their own block, and the VM
// takes the fast paths at the end of the attribute section for instances of plain classes.
#include <string.h>

#include "py/objexc.h"
#include "py/objfun.h"
#include "py/objtype.h"
#include "py/objtype_fast.h"
#include "py/runtime.h"
#include "py/state.h"

void py_type_modified(qstr name) {
    size_t len;
    const char *s = name == PY_QSTR_NULL ? NULL : py_qstr_data(name, &len);
    if (s == NULL ||
        (len > 4 && s[0] == '_' && s[1] == '_' && s[len - 1] == '_' && s[len - 2] == '_')) {
        PY_S->type_version_next++;
        return;
    }
    // Only lookups of `name` can give another answer: drop those entries.
    for (size_t i = 0; i < PY_CFG_ATTR_CACHE_SIZE; i++) {
        py_attr_cache_entry *ce = &PY_S->attr_cache[i];
        if (ce->name == name) {
            ce->owner = NULL;
        }
    }
}

static py_dict *locals_of(const py_type *t) { return t->locals; }

// ---- instances and their attribute dicts ----------------------------------------------------
// An instance is allocated with its attribute dict inline and a few entries in the same block:
//
//     py_instance (with its py_dict) | inst_slots entries (the dict's first entries)
//
// One allocation instead of three. The dict outgrows the inline entries like any dict (the old
// ones are cleared). Pointers into the block are interior pointers, which the GC does not
// follow from inside the heap, so the inline dict is never handed out: __dict__ first moves it
// to a dict object of its own and leaves a forwarding pointer (instance_dict_detach).
#define INST_SLOTS_MAX PY_DICT_LINEAR_MAX

py_val py_instance_new(const py_type *cls) {
    size_t slots = ((const py_class *)cls)->inst_slots;
    size_t bytes = sizeof(py_instance) + slots * sizeof(py_dict_entry);
    if (slots) { // the block's rounding is room for more
        bytes = (bytes + PY_CFG_GC_BLOCK - 1) / PY_CFG_GC_BLOCK * PY_CFG_GC_BLOCK;
        slots = (bytes - sizeof(py_instance)) / sizeof(py_dict_entry);
        if (slots > INST_SLOTS_MAX) {
            slots = INST_SLOTS_MAX;
        }
    }
    py_instance *o = py_gc_alloc(bytes, 0);
    o->base.type = cls;
    py_dict *d = &o->dict;
    d->base.type = &py_type_dict;
    d->cap = slots;
    d->entries = slots ? (py_dict_entry *)(o + 1) : NULL;
    return (py_val)o;
}

// The instance's dict as a value the program may keep: moved out of the instance's block.
static py_dict *instance_dict_detach(py_instance *o) {
    py_dict *d = &o->dict;
    if (d->flags & PY_DICT_MOVED) {
        return (py_dict *)d->entries;
    }
    py_dict *nd = py_new(py_dict, &py_type_dict);
    *nd = *d;
    if (d->entries == (py_dict_entry *)(o + 1)) {
        size_t n = d->cap * sizeof(py_dict_entry); // inline entries: no hashes, no index
        nd->entries = py_gc_alloc(n ? n : 1, 0);
        py_memcpy(nd->entries, d->entries, n);
        memset(d->entries, 0, n); // nothing stale for the GC to keep alive
    }
    d->fill = 0;
    d->cap = 0;
    d->flags = PY_DICT_MOVED;
    d->entries = (py_dict_entry *)nd;
    return nd;
}

// New instances of the class get room for as many attributes as this one has (up to a limit).
static void note_instance_size(const py_type *t, const py_dict *d) {
    py_class *c = (py_class *)t;
    size_t used = py_dict_len(d);
    if (used > c->inst_slots && c->inst_slots < INST_SLOTS_MAX) {
        c->inst_slots = (uint8_t)(used < INST_SLOTS_MAX ? used : INST_SLOTS_MAX);
    }
}

py_dict *py_instance_dict(py_val obj, bool create) {
    if (!py_is_obj(obj)) {
        return NULL;
    }
    const py_type *t = obj->type;
    if (t->flags & PY_TF_EXC) {
        py_exc *e = (py_exc *)obj;
        if (e->dict == NULL && create) {
            e->dict = (py_dict *)py_dict_new(2);
        }
        return e->dict;
    }
    if (t == &py_type_function) {
        py_fun *f = (py_fun *)obj;
        if (f->dict == NULL && create) {
            f->dict = (py_dict *)py_dict_new(2);
        }
        return f->dict;
    }
    if (py_type_is_instance_layout(t)) {
        return py_instance_attrs((py_instance *)obj);
    }
    if (t == &py_type_module) {
        return ((py_module *)obj)->globals;
    }
    return NULL;
}

// ---- printing ----------------------------------------------------------------------------
static void print_default(const py_print *p, py_val self) {
    const py_type *t = py_typeof(self);
    py_val mod = (t->flags & PY_TF_HEAP) ? py_dict_get_qstr(t->locals, PY_QSTR___module__) : PY_NULL;
    if (mod && py_is_str(mod)) {
        py_printf(p, "<%S.", mod);
    } else {
        py_print_str(p, "<");
    }
    py_val qn = (t->flags & PY_TF_HEAP) ? py_dict_get_qstr(t->locals, PY_QSTR___qualname__) : PY_NULL;
    if (qn && py_is_str(qn)) {
        py_printf(p, "%S object at %p>", qn, (void *)self);
    } else {
        py_printf(p, "%q object at %p>", py_type_qname(t), (void *)self);
    }
}

static void instance_print(const py_print *p, py_val self, int kind) {
    const py_type *t = py_typeof(self);
    py_val m = PY_NULL;
    if (kind == PY_PRINT_STR) {
        m = py_type_lookup(t, PY_QSTR___str__);
        if (m == (py_val)&py_object_str_obj) {
            m = PY_NULL;
        }
    }
    if (m == PY_NULL) {
        m = py_type_lookup(t, PY_QSTR___repr__);
    }
    if (m != PY_NULL && py_typeof(m) != &py_type_builtin) {
        py_val s = py_call1(m, self);
        if (!py_is_str(s)) {
            py_raise_fmt(&py_type_TypeError, "__%s__ returned non-string (type %T)",
                         kind == PY_PRINT_STR ? "str" : "repr", s);
        }
        size_t len;
        const char *str = py_get_str(s, &len);
        py_print_strn(p, str, len);
        return;
    }
    // inherited from a built-in: print the native part (exceptions print themselves)
    if (t->flags & PY_TF_EXC) {
        py_type_BaseException.print(p, self, kind);
        return;
    }
    py_val native = ((py_instance *)self)->native;
    if (native) {
        py_print_val(p, native, kind);
        return;
    }
    print_default(p, self);
}

// ---- construction ------------------------------------------------------------------------
py_val py_object_new(const py_type *cls) {
    if (!(cls->flags & PY_TF_HEAP)) {
        if (cls == &py_type_object) {
            return (py_val)py_new(py_obj, &py_type_object);
        }
        return cls->make_new(cls, 0, 0, NULL);
    }
    if (cls->flags & PY_TF_EXC) {
        py_exc *e = py_new(py_exc, cls);
        e->args = (py_tuple *)py_tuple_new(0, NULL);
        return (py_val)e;
    }
    py_instance *o = (py_instance *)py_instance_new(cls);
    if (cls->native != &py_type_object) {
        o->native = cls->native->make_new(cls->native, 0, 0, NULL);
    }
    return (py_val)o;
}

static bool is_immutable_native(const py_type *n) {
    return n == &py_type_int || n == &py_type_str || n == &py_type_tuple || n == &py_type_float ||
           n == &py_type_bytes || n == &py_type_frozenset || n == &py_type_bool;
}

static const py_wrapper object_new_static;

const py_class *py_class_facts(const py_type *t) {
    py_class *c = (py_class *)t;
    if (c->facts_version == PY_S->type_version_next) {
        return c;
    }
    uint8_t facts = 0;
    if (py_type_is_instance_layout(t) && t->native == &py_type_object &&
        py_type_lookup(t, PY_QSTR___new__) == (py_val)&object_new_static) {
        facts |= PY_CLASS_PLAIN_NEW;
    }
    py_val init = py_type_lookup(t, PY_QSTR___init__);
    c->init = PY_NULL;
    if (init == (py_val)&py_object_init_obj) {
        facts |= PY_CLASS_INIT_OBJECT;
    } else if (py_typeof(init) == &py_type_function &&
               !(((py_fun *)init)->code->flags &
                 (PY_CO_GENERATOR | PY_CO_COROUTINE | PY_CO_ASYNC_GENERATOR))) {
        facts |= PY_CLASS_INIT_PY;
        c->init = init;
    }
    if (py_type_lookup(t, PY_QSTR___getattr__) != PY_NULL) {
        facts |= PY_CLASS_GETATTR;
    }
    py_val sa = py_type_lookup(t, PY_QSTR___setattr__), da = py_type_lookup(t, PY_QSTR___delattr__);
    if ((sa && py_typeof(sa) == &py_type_function) || (da && py_typeof(da) == &py_type_function)) {
        facts |= PY_CLASS_SETATTR;
    }
    if (py_type_is_instance_layout(t)) {
        facts |= (facts & PY_CLASS_GETATTR ? 0 : PY_CLASS_PLAIN_LOAD) |
                 (facts & PY_CLASS_SETATTR ? 0 : PY_CLASS_PLAIN_STORE);
    }
    c->facts = facts;
    c->facts_version = PY_S->type_version_next;
    return c;
}

// Calls fn(first, args...) with the arguments in the caller's layout (n_args, n_kw pairs).
static py_val call_with_first(py_val fn, py_val first, size_t n_args, size_t n_kw,
                              const py_val *args) {
    size_t n = n_args + 2 * n_kw;
    py_val buf[8];
    py_val *a = n < 8 ? buf : py_gc_alloc((n + 1) * sizeof(py_val), 0);
    a[0] = first;
    py_memcpy(a + 1, args, n * sizeof(py_val));
    return py_call(fn, n_args + 1, n_kw, a);
}

static py_val instance_make_new(const py_type *cls, size_t n_args, size_t n_kw, const py_val *args) {
    const py_class *facts = py_class_facts(cls);
    if ((facts->facts & PY_CLASS_PLAIN_NEW) && (facts->facts & PY_CLASS_INIT_PY)) {
        // the common case (the VM does this without a nested call: see CALL_FUNCTION)
        py_val obj = py_instance_new(cls);
        py_val r = call_with_first(facts->init, obj, n_args, n_kw, args);
        if (r != PY_NONE) {
            py_raise_fmt(&py_type_TypeError, "__init__() should return None, not '%T'", r);
        }
        return obj;
    }
    py_val newm = py_type_lookup(cls, PY_QSTR___new__);
    py_val obj;
    py_val init = py_type_lookup(cls, PY_QSTR___init__);
    bool py_init = init && py_typeof(init) == &py_type_function;
    bool py_new_fn = newm && py_typeof(newm) == &py_type_staticmethod &&
                     py_typeof(((py_wrapper *)newm)->func) == &py_type_function;
    if (py_new_fn) {
        // __new__ defined in Python: __new__(cls, *args, **kw)
        obj = call_with_first(((py_wrapper *)newm)->func, (py_val)cls, n_args, n_kw, args);
        if (!py_isinstance(obj, cls)) {
            return obj; // __init__ is not called for another class's object
        }
    } else if (cls->flags & PY_TF_EXC) {
        py_exc *e = py_new(py_exc, cls);
        e->args = (py_tuple *)py_tuple_new(n_args, args);
        obj = (py_val)e;
    } else {
        py_instance *o = (py_instance *)py_instance_new(cls);
        const py_type *native = cls->native;
        if (native != &py_type_object) {
            // Immutable built-ins are made from the arguments (their __new__); mutable ones
            // are filled by __init__ when the class defines one, else from the arguments.
            if (is_immutable_native(native) || !py_init) {
                o->native = native->make_new(native, n_args, n_kw, args);
            } else {
                o->native = native->make_new(native, 0, 0, NULL);
            }
        } else if (!py_init && (n_args || n_kw)) {
            if (init == PY_NULL || init == (py_val)&py_object_init_obj) {
                py_raise_fmt(&py_type_TypeError, "%q() takes no arguments", py_type_qname(cls));
            }
        }
        obj = (py_val)o;
    }
    if (init && init != (py_val)&py_object_init_obj) {
        if (py_typeof(init) == &py_type_function) {
            py_val r = call_with_first(init, obj, n_args, n_kw, args);
            if (r != PY_NONE) {
                py_raise_fmt(&py_type_TypeError, "__init__() should return None, not '%T'", r);
            }
        } else if ((cls->flags & PY_TF_EXC) == 0 && !is_immutable_native(cls->native) &&
                   cls->native != &py_type_object) {
            // the native type's own __init__ was already applied by make_new
        }
    }
    return obj;
}

// ---- attributes of instances ------------------------------------------------------------------
static bool is_data_descriptor(py_val v) {
    const py_type *vt = py_typeof(v);
    if (vt == &py_type_property) {
        return true;
    }
    return (vt->flags & PY_TF_HEAP) && py_type_lookup(vt, PY_QSTR___set__) != PY_NULL;
}

static void instance_load(py_val self, qstr attr, py_val *dest) {
    const py_type *t = py_typeof(self);
    py_val cls_attr = py_type_lookup(t, attr);
    if (cls_attr && is_data_descriptor(cls_attr)) {
        if (py_typeof(cls_attr) == &py_type_property) {
            py_bind_attr(self, cls_attr, dest);
        } else {
            py_val get = py_type_lookup(py_typeof(cls_attr), PY_QSTR___get__);
            dest[0] = get ? py_call3(get, cls_attr, self, (py_val)t) : cls_attr;
        }
        return;
    }
    py_dict *d = py_instance_dict(self, false);
    if (d) {
        py_val v = py_dict_get_qstr(d, attr);
        if (v != PY_NULL) {
            dest[0] = v;
            return;
        }
    }
    if (cls_attr) {
        // methods of a built-in base operate on the native object
        if (py_typeof(cls_attr) == &py_type_builtin && !(t->flags & PY_TF_EXC) &&
            ((py_instance *)self)->native) {
            py_bind_attr(((py_instance *)self)->native, cls_attr, dest);
        } else {
            py_bind_attr(self, cls_attr, dest);
        }
        return;
    }
    if (attr == PY_QSTR___class__) {
        dest[0] = (py_val)t;
        return;
    }
    if (attr == PY_QSTR___dict__) {
        dest[0] = py_type_is_instance_layout(t) ? (py_val)instance_dict_detach((py_instance *)self)
                                                : (py_val)py_instance_dict(self, true);
        return;
    }
    if (t->flags & PY_TF_EXC) {
        py_type_BaseException.attr(self, attr, dest);
        if (dest[0]) {
            return;
        }
    } else if (((py_instance *)self)->native) {
        py_val native = ((py_instance *)self)->native;
        const py_type *nt = py_typeof(native);
        if (nt->attr) {
            nt->attr(native, attr, dest);
            if (dest[0]) {
                return;
            }
        }
    }
}


static void instance_attr(py_val self, qstr attr, py_val *dest) {
    const py_type *t = py_typeof(self);
    uint8_t facts = py_class_facts(t)->facts;
    if (dest[0] == PY_SENTINEL) {
        py_val value = dest[1];
        // a __setattr__ / __delattr__ written in Python takes over
        py_val hook = (facts & PY_CLASS_SETATTR)
                          ? py_type_lookup(t, value ? PY_QSTR___setattr__ : PY_QSTR___delattr__)
                          : PY_NULL;
        if (hook && py_typeof(hook) == &py_type_function) {
            if (value) {
                py_call3(hook, self, py_qstr_val(attr), value);
            } else {
                py_call2(hook, self, py_qstr_val(attr));
            }
            dest[0] = PY_NULL;
            return;
        }
        py_object_setattr_generic(self, attr, value);
        dest[0] = PY_NULL;
        return;
    }
    // __getattr__ runs when the normal lookup fails, including by AttributeError raised in
    // a property getter
    if (!(facts & PY_CLASS_GETATTR)) {
        instance_load(self, attr, dest);
        return;
    }
    py_val ga = py_type_lookup(t, PY_QSTR___getattr__);
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        instance_load(self, attr, dest);
        py_nlr_pop();
    } else {
        if (!py_exc_matches(nlr.exc, (py_val)&py_type_AttributeError)) {
            py_raise(nlr.exc);
        }
        dest[0] = dest[1] = PY_NULL;
    }
    if (dest[0] == PY_NULL) {
        dest[0] = py_call2(ga, self, py_qstr_val(attr));
    }
}
// ---- the VM's fast paths for instances of plain classes: py/objtype_fast.h; a new attribute:
bool py_instance_store_new(py_val obj, py_dict *d, qstr attr, py_val value) {
    py_dict_set_qstr(d, attr, value);
    note_instance_size(obj->type, d);
    return true;
}

// object.__setattr__ semantics: data descriptors, then the instance dict.
void py_object_setattr_generic(py_val self, qstr attr, py_val value) {
    const py_type *t = py_typeof(self);
    py_val cls_attr = py_type_lookup(t, attr);
    if (cls_attr && py_typeof(cls_attr) == &py_type_property) {
        py_property *pr = (py_property *)cls_attr;
        py_val fn = value ? pr->fset : pr->fdel;
        if (fn == PY_NULL || fn == PY_NONE) {
            py_raise_fmt(&py_type_AttributeError, "property '%q' of '%T' object has no %s", attr, self,
                         value ? "setter" : "deleter");
        }
        if (value) {
            py_call2(fn, self, value);
        } else {
            py_call1(fn, self);
        }
        return;
    }
    if (cls_attr && (py_typeof(cls_attr)->flags & PY_TF_HEAP)) {
        py_val m = py_type_lookup(py_typeof(cls_attr), value ? PY_QSTR___set__ : PY_QSTR___delete__);
        if (m) {
            if (value) {
                py_call3(m, cls_attr, self, value);
            } else {
                py_call2(m, cls_attr, self);
            }
            return;
        }
    }
    if (t->flags & PY_TF_EXC) {
        py_val dest[2] = {PY_SENTINEL, value};
        py_type_BaseException.attr(self, attr, dest);
        if (dest[0] == PY_NULL) {
            return;
        }
        py_raise_attr_error(self, attr);
    }
    py_dict *d = py_instance_dict(self, value != PY_NULL);
    if (d == NULL) {
        if (value == PY_NULL) {
            py_raise_attr_error(self, attr);
        }
        py_raise_fmt(&py_type_AttributeError, "'%T' object has no attribute '%q'", self, attr);
    }
    if (value) {
        py_dict_set_qstr(d, attr, value);
        if (!(t->flags & PY_TF_EXC)) {
            note_instance_size(t, d);
        }
    } else if (py_dict_remove(d, py_qstr_val(attr)) == PY_NULL) {
        py_raise_attr_error(self, attr);
    }
}

// ---- operators of instances -----------------------------------------------------------------------
static const uint16_t binop_names[PY_OP_N] = {
    [PY_OP_LT] = PY_QSTR___lt__, [PY_OP_GT] = PY_QSTR___gt__, [PY_OP_EQ] = PY_QSTR___eq__,
    [PY_OP_NE] = PY_QSTR___ne__, [PY_OP_LE] = PY_QSTR___le__, [PY_OP_GE] = PY_QSTR___ge__,
    [PY_OP_CONTAINS] = PY_QSTR___contains__,
    [PY_OP_OR] = PY_QSTR___or__, [PY_OP_XOR] = PY_QSTR___xor__, [PY_OP_AND] = PY_QSTR___and__,
    [PY_OP_LSHIFT] = PY_QSTR___lshift__, [PY_OP_RSHIFT] = PY_QSTR___rshift__,
    [PY_OP_ADD] = PY_QSTR___add__, [PY_OP_SUB] = PY_QSTR___sub__, [PY_OP_MUL] = PY_QSTR___mul__,
    [PY_OP_MATMUL] = PY_QSTR___matmul__, [PY_OP_FLOORDIV] = PY_QSTR___floordiv__,
    [PY_OP_TRUEDIV] = PY_QSTR___truediv__, [PY_OP_MOD] = PY_QSTR___mod__, [PY_OP_POW] = PY_QSTR___pow__,
    [PY_OP_IOR] = PY_QSTR___ior__, [PY_OP_IXOR] = PY_QSTR___ixor__, [PY_OP_IAND] = PY_QSTR___iand__,
    [PY_OP_ILSHIFT] = PY_QSTR___ilshift__, [PY_OP_IRSHIFT] = PY_QSTR___irshift__,
    [PY_OP_IADD] = PY_QSTR___iadd__, [PY_OP_ISUB] = PY_QSTR___isub__, [PY_OP_IMUL] = PY_QSTR___imul__,
    [PY_OP_IMATMUL] = PY_QSTR___imatmul__, [PY_OP_IFLOORDIV] = PY_QSTR___ifloordiv__,
    [PY_OP_ITRUEDIV] = PY_QSTR___itruediv__, [PY_OP_IMOD] = PY_QSTR___imod__, [PY_OP_IPOW] = PY_QSTR___ipow__,
    [PY_OP_ROR] = PY_QSTR___ror__, [PY_OP_RXOR] = PY_QSTR___rxor__, [PY_OP_RAND] = PY_QSTR___rand__,
    [PY_OP_RLSHIFT] = PY_QSTR___rlshift__, [PY_OP_RRSHIFT] = PY_QSTR___rrshift__,
    [PY_OP_RADD] = PY_QSTR___radd__, [PY_OP_RSUB] = PY_QSTR___rsub__, [PY_OP_RMUL] = PY_QSTR___rmul__,
    [PY_OP_RMATMUL] = PY_QSTR___rmatmul__, [PY_OP_RFLOORDIV] = PY_QSTR___rfloordiv__,
    [PY_OP_RTRUEDIV] = PY_QSTR___rtruediv__, [PY_OP_RMOD] = PY_QSTR___rmod__, [PY_OP_RPOW] = PY_QSTR___rpow__,
};

static py_val native_of(py_val self) {
    const py_type *t = py_typeof(self);
    if (py_type_is_instance_layout(t)) {
        return ((py_instance *)self)->native;
    }
    return PY_NULL;
}

static py_val instance_binary_op(int op, py_val lhs, py_val rhs) {
    const py_type *t = py_typeof(lhs);
    py_val m = py_type_lookup(t, binop_names[op]);
    if (m && py_typeof(m) != &py_type_builtin) {
        if (m == PY_NONE) {
            return PY_NULL;
        }
        py_val r = py_call2(m, lhs, rhs);
        if (r == PY_NOTIMPLEMENTED) {
            return PY_NULL;
        }
        return r;
    }
    if (op == PY_OP_NE) {
        // __ne__ defaults to the inverse of __eq__
        py_val eq = py_type_lookup(t, PY_QSTR___eq__);
        if (eq && py_typeof(eq) == &py_type_function) {
            py_val r = py_call2(eq, lhs, rhs);
            return r == PY_NOTIMPLEMENTED ? PY_NULL : py_bool(!py_is_true(r));
        }
    }
    py_val native = native_of(lhs);
    if (native) {
        py_val nrhs = native_of(rhs);
        const py_type *nt = py_typeof(native);
        if (nt->binary_op) {
            return nt->binary_op(op, native, nrhs ? nrhs : rhs);
        }
    }
    return PY_NULL;
}

static py_val instance_unary_op(int op, py_val self) {
    const py_type *t = py_typeof(self);
    qstr name;
    switch (op) {
    case PY_UOP_BOOL: name = PY_QSTR___bool__; break;
    case PY_UOP_LEN: name = PY_QSTR___len__; break;
    case PY_UOP_HASH: name = PY_QSTR___hash__; break;
    case PY_UOP_POS: name = PY_QSTR___pos__; break;
    case PY_UOP_NEG: name = PY_QSTR___neg__; break;
    case PY_UOP_INVERT: name = PY_QSTR___invert__; break;
    case PY_UOP_ABS: name = PY_QSTR___abs__; break;
    case PY_UOP_INT: name = PY_QSTR___int__; break;
    case PY_UOP_FLOAT: name = PY_QSTR___float__; break;
    case PY_UOP_INDEX: name = PY_QSTR___index__; break;
    default: return PY_NULL;
    }
    py_val m = py_type_lookup(t, name);
    if (op == PY_UOP_HASH) {
        if (m == PY_NONE) {
            py_raise_fmt(&py_type_TypeError, "unhashable type: '%T'", self);
        }
        if (m == PY_NULL || py_typeof(m) == &py_type_builtin) {
            py_val eq = py_type_lookup(t, PY_QSTR___eq__);
            if (eq && py_typeof(eq) == &py_type_function) {
                // __eq__ without __hash__ in the same class makes instances unhashable
                py_raise_fmt(&py_type_TypeError, "unhashable type: '%T'", self);
            }
            py_val native = native_of(self);
            if (native) {
                return py_unary_op(PY_UOP_HASH, native);
            }
            return py_small((py_int_t)((uintptr_t)self >> 4));
        }
    }
    if (m && py_typeof(m) != &py_type_builtin) {
        py_val r = py_call1(m, self);
        switch (op) {
        case PY_UOP_BOOL:
            if (r != PY_TRUE && r != PY_FALSE) {
                py_raise_fmt(&py_type_TypeError, "__bool__ should return bool, returned %T", r);
            }
            return r;
        case PY_UOP_LEN: {
            py_int_t n;
            if (!py_get_int_maybe(r, &n)) {
                py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", r);
            }
            if (n < 0) {
                py_raise_msg(&py_type_ValueError, "__len__() should return >= 0");
            }
            return py_small(n);
        }
        case PY_UOP_HASH: {
            if (!py_is_int(r)) {
                py_raise_msg(&py_type_TypeError, "__hash__ method should return an integer");
            }
            if (py_is_small(r)) {
                return r;
            }
            return py_small((py_int_t)(py_hash(r)));
        }
        case PY_UOP_INDEX:
        case PY_UOP_INT:
            if (!py_is_int(r)) {
                py_raise_fmt(&py_type_TypeError, "__%s__ returned non-int (type %T)",
                             op == PY_UOP_INDEX ? "index" : "int", r);
            }
            return r;
        default:
            return r;
        }
    }
    py_val native = native_of(self);
    if (native) {
        return py_unary_op(op, native);
    }
    if (op == PY_UOP_BOOL || op == PY_UOP_LEN) {
        return PY_NULL;
    }
    if (op == PY_UOP_HASH) {
        return py_small((py_int_t)((uintptr_t)self >> 4));
    }
    return PY_NULL;
}

static py_val instance_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    py_val m = py_type_lookup(py_typeof(self), PY_QSTR___call__);
    if (m == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "'%T' object is not callable", self);
    }
    return call_with_first(m, self, n_args, n_kw, args);
}

static py_val instance_subscr(py_val self, py_val index, py_val value) {
    const py_type *t = py_typeof(self);
    qstr name = value == PY_SENTINEL ? PY_QSTR___getitem__ : value == PY_NULL ? PY_QSTR___delitem__
                                                                              : PY_QSTR___setitem__;
    py_val m = py_type_lookup(t, name);
    if (m && py_typeof(m) != &py_type_builtin) {
        if (value == PY_SENTINEL || value == PY_NULL) {
            py_val r = py_call2(m, self, index);
            return value == PY_SENTINEL ? r : PY_NONE;
        }
        py_call3(m, self, index, value);
        return PY_NONE;
    }
    py_val native = native_of(self);
    if (native) {
        if (value == PY_SENTINEL && py_typeof(native) == &py_type_dict) {
            // dict subclasses: __missing__ supplies absent keys
            py_val missing = py_type_lookup(t, PY_QSTR___missing__);
            if (missing && py_typeof(missing) == &py_type_function) {
                py_val v = py_dict_get((py_dict *)native, index);
                return v ? v : py_call2(missing, self, index);
            }
        }
        const py_type *nt = py_typeof(native);
        if (nt->subscr) {
            return nt->subscr(native, index, value);
        }
    }
    return PY_NULL;
}

// iter() over a class with __getitem__ only: the old sequence protocol.
typedef struct seq_iter {
    py_obj base;
    py_val seq;
    py_int_t i;
} seq_iter;

static py_val seq_iter_next(py_val self) {
    seq_iter *it = (seq_iter *)self;
    if (it->seq == PY_NULL) {
        return PY_STOP;
    }
    py_nlr nlr;
    py_val v;
    if (py_nlr_push(&nlr) == 0) {
        v = py_subscr_load(it->seq, py_small(it->i));
        py_nlr_pop();
    } else {
        if (py_exc_matches(nlr.exc, (py_val)&py_type_IndexError) ||
            py_exc_matches(nlr.exc, (py_val)&py_type_StopIteration)) {
            it->seq = PY_NULL;
            return PY_STOP;
        }
        py_raise(nlr.exc);
    }
    it->i++;
    return v;
}

static const py_type seq_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = seq_iter_next,
    .base_type = &py_type_object,
};

static py_val instance_getiter(py_val self) {
    const py_type *t = py_typeof(self);
    py_val m = py_type_lookup(t, PY_QSTR___iter__);
    if (m && py_typeof(m) != &py_type_builtin) {
        if (m == PY_NONE) {
            return PY_NULL;
        }
        py_val it = py_call1(m, self);
        const py_type *it_t = py_typeof(it);
        if (it_t->iternext == NULL && py_type_lookup(it_t, PY_QSTR___next__) == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "iter() returned non-iterator of type '%T'", it);
        }
        return it;
    }
    py_val native = native_of(self);
    if (native) {
        return py_getiter(native);
    }
    if (py_type_lookup(t, PY_QSTR___getitem__)) {
        seq_iter *it = py_new(seq_iter, &seq_iter_type);
        it->seq = self;
        return (py_val)it;
    }
    return PY_NULL;
}

static py_val instance_iternext(py_val self) {
    const py_type *t = py_typeof(self);
    py_val m = py_type_lookup(t, PY_QSTR___next__);
    if (m == PY_NULL || py_typeof(m) == &py_type_builtin) {
        py_val native = native_of(self);
        if (native && py_typeof(native)->iternext) {
            return py_typeof(native)->iternext(native);
        }
        py_raise_fmt(&py_type_TypeError, "'%T' object is not an iterator", self);
    }
    py_nlr nlr;
    py_val v;
    if (py_nlr_push(&nlr) == 0) {
        v = py_call1(m, self);
        py_nlr_pop();
        return v;
    }
    if (py_exc_matches(nlr.exc, (py_val)&py_type_StopIteration)) {
        PY_TS->stop_value = py_stop_iteration_value(nlr.exc);
        return PY_STOP;
    }
    py_raise(nlr.exc);
}

static bool instance_buffer(py_val self, py_buffer *buf, int flags) {
    py_val native = native_of(self);
    return native && py_get_buffer_maybe(native, buf, flags);
}

// ---- MRO (C3 linearisation) ----------------------------------------------------------------------
static py_val mro_of(const py_type *t) {
    if (t->flags & PY_TF_HEAP) {
        return (py_val)t->mro;
    }
    size_t n = 0;
    for (const py_type *b = t; b; b = b->base_type) {
        n++;
    }
    py_val m = py_tuple_new(n, NULL);
    n = 0;
    for (const py_type *b = t; b; b = b->base_type) {
        ((py_tuple *)m)->items[n++] = (py_val)b;
    }
    return m;
}

static py_val c3_merge(qstr name, py_val bases) {
    py_tuple *bt = (py_tuple *)bases;
    size_t nseq = bt->len + 1;
    // sequences to merge: each base's MRO, then the list of bases
    py_val *seqs = py_gc_alloc(nseq * sizeof(py_val), 0);
    size_t *pos = py_gc_alloc(nseq * sizeof(size_t), PY_GC_LEAF);
    for (size_t i = 0; i < bt->len; i++) {
        seqs[i] = mro_of((const py_type *)bt->items[i]);
    }
    seqs[bt->len] = bases;
    py_val out = py_list_new(0, NULL);
    for (;;) {
        bool any = false;
        py_val cand = PY_NULL;
        for (size_t i = 0; i < nseq; i++) {
            py_tuple *s = (py_tuple *)seqs[i];
            if (pos[i] >= s->len) {
                continue;
            }
            any = true;
            py_val c = s->items[pos[i]];
            // c must not appear in the tail of any sequence
            bool in_tail = false;
            for (size_t j = 0; j < nseq && !in_tail; j++) {
                py_tuple *sj = (py_tuple *)seqs[j];
                for (size_t k = pos[j] + 1; k < sj->len; k++) {
                    if (sj->items[k] == c) {
                        in_tail = true;
                        break;
                    }
                }
            }
            if (!in_tail) {
                cand = c;
                break;
            }
        }
        if (!any) {
            break;
        }
        if (cand == PY_NULL) {
            py_vstr v;
            py_vstr_init(&v, 64);
            py_print p;
            py_vstr_printer(&v, &p);
            py_print_str(&p, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            for (size_t i = 0; i < bt->len; i++) {
                py_printf(&p, i ? ", %q" : "%q", py_type_qname((const py_type *)bt->items[i]));
            }
            (void)name;
            py_val msg = py_vstr_to_str(&v);
            py_raise(py_exc_new(&py_type_TypeError, 1, &msg));
        }
        py_list_append(out, cand);
        for (size_t i = 0; i < nseq; i++) {
            py_tuple *s = (py_tuple *)seqs[i];
            if (pos[i] < s->len && s->items[pos[i]] == cand) {
                pos[i]++;
            }
        }
    }
    return out;
}

static const py_type *native_base(const py_type *b) {
    if (b->flags & PY_TF_HEAP) {
        return b->native;
    }
    if (b->flags & PY_TF_EXC) {
        return &py_type_BaseException;
    }
    return b;
}

py_val py_type_new(const py_type *meta, qstr name, py_val bases, py_dict *ns) {
    py_tuple *bt = (py_tuple *)bases;
    if (bt->len == 0) {
        py_val ob = (py_val)&py_type_object;
        bases = py_tuple_new(1, &ob);
        bt = (py_tuple *)bases;
    }
    const py_type *native = &py_type_object;
    bool exc = false;
    for (size_t i = 0; i < bt->len; i++) {
        py_val b = bt->items[i];
        if (!py_is_type(b)) {
            py_raise_msg(&py_type_TypeError, "bases must be types");
        }
        const py_type *bty = (const py_type *)b;
        if (!(bty->flags & PY_TF_BASETYPE)) {
            py_raise_fmt(&py_type_TypeError, "type '%q' is not an acceptable base type", py_type_qname(bty));
        }
        for (size_t j = 0; j < i; j++) {
            if (bt->items[j] == b) {
                py_raise_fmt(&py_type_TypeError, "duplicate base class %q", py_type_qname(bty));
            }
        }
        exc |= (bty->flags & PY_TF_EXC) != 0;
        const py_type *nb = native_base(bty);
        if (nb != &py_type_object) {
            if (native == &py_type_object || py_issubclass(nb, native)) {
                native = nb;
            } else if (!py_issubclass(native, nb)) {
                py_raise_msg(&py_type_TypeError, "multiple bases have instance lay-out conflict");
            }
        }
    }
    py_class *c = py_gc_alloc(sizeof(py_class), 0);
    c->inst_slots = 2;
    py_type *t = &c->type;
    t->base.type = meta;
    t->name = (uint16_t)name;
    if (name > 0xffff) {
        py_raise_msg(&py_type_MemoryError, "too many names");
    }
    t->flags = PY_TF_HEAP | PY_TF_BASETYPE | PY_TF_HAS_DICT | (exc ? PY_TF_EXC : 0);
    t->print = instance_print;
    t->make_new = instance_make_new;
    t->call = instance_call;
    t->unary_op = instance_unary_op;
    t->binary_op = instance_binary_op;
    t->attr = instance_attr;
    t->subscr = instance_subscr;
    t->getiter = instance_getiter;
    t->iternext = instance_iternext;
    t->buffer = instance_buffer;
    t->base_type = (const py_type *)bt->items[0];
    t->bases = bt;
    t->native = native;
    t->locals = ns;
    // the MRO is the class followed by the C3 merge of its bases
    py_val merged = c3_merge(name, bases);
    py_list *ml = (py_list *)merged;
    py_tuple *mro = (py_tuple *)py_tuple_new(ml->len + 1, NULL);
    mro->items[0] = (py_val)t;
    py_memcpy(mro->items + 1, ml->items, ml->len * sizeof(py_val));
    t->mro = mro;
    // __new__ is implicitly a static method; __init_subclass__ and __class_getitem__ class methods
    py_val nw = py_dict_get_qstr(ns, PY_QSTR___new__);
    if (nw && py_typeof(nw) == &py_type_function) {
        py_wrapper *w = py_new(py_wrapper, &py_type_staticmethod);
        w->func = nw;
        py_dict_set_qstr(ns, PY_QSTR___new__, (py_val)w);
    }
    // a class defining __eq__ but not __hash__ gets __hash__ = None: unhashable (as CPython)
    if (py_dict_get_qstr(ns, PY_QSTR___eq__) && py_dict_get_qstr(ns, PY_QSTR___hash__) == PY_NULL) {
        py_dict_set_qstr(ns, PY_QSTR___hash__, PY_NONE);
    }
    py_val cg = py_dict_get_qstr(ns, PY_QSTR___class_getitem__);
    if (cg && py_typeof(cg) == &py_type_function) {
        py_wrapper *w = py_new(py_wrapper, &py_type_classmethod);
        w->func = cg;
        py_dict_set_qstr(ns, PY_QSTR___class_getitem__, (py_val)w);
    }
    if (py_dict_get_qstr(ns, PY_QSTR___module__) == PY_NULL) {
        py_dict *g = py_vm_globals();
        py_val m = g ? py_dict_get_qstr(g, PY_QSTR___name__) : PY_NULL;
        if (m) {
            py_dict_set_qstr(ns, PY_QSTR___module__, m);
        }
    }
    if (py_dict_get_qstr(ns, PY_QSTR___qualname__) == PY_NULL) {
        py_dict_set_qstr(ns, PY_QSTR___qualname__, py_qstr_val(name));
    }
    if (py_dict_get_qstr(ns, PY_QSTR___doc__) == PY_NULL) {
        py_dict_set_qstr(ns, PY_QSTR___doc__, PY_NONE);
    }
    return (py_val)t; // a new class: nothing cached can be about it
}

py_val py_build_class(size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args < 2) {
        py_raise_msg(&py_type_TypeError, "__build_class__: not enough arguments");
    }
    py_val body = args[0];
    if (py_typeof(body) != &py_type_function) {
        py_raise_msg(&py_type_TypeError, "__build_class__: func must be a function");
    }
    qstr name = py_str_intern(args[1]);
    py_val bases = py_tuple_new(n_args - 2, args + 2);
    const py_type *meta = NULL;
    for (size_t k = 0; k < n_kw; k++) {
        if (py_str_intern(args[n_args + 2 * k]) == PY_QSTR_metaclass) {
            meta = (const py_type *)args[n_args + 2 * k + 1];
        }
    }
    if (meta == NULL) {
        meta = &py_type_type;
        for (size_t i = 0; i < n_args - 2; i++) {
            const py_type *bm = py_typeof(args[2 + i]);
            if (py_issubclass(bm, meta)) {
                meta = bm;
            }
        }
    }
    py_dict *ns = (py_dict *)py_dict_new(8);
    py_val cell = py_fun_call_with_locals(body, ns);
    py_val cls;
    if (meta == &py_type_type) {
        cls = py_type_new(meta, name, bases, ns);
    } else {
        py_val margs[3] = {py_qstr_val(name), bases, (py_val)ns};
        cls = py_call((py_val)meta, 3, 0, margs);
    }
    if (py_is_obj(cell) && cell->type == &py_type_closure_cell) {
        ((py_cell *)cell)->value = cls;
    }
    // __init_subclass__ hooks are not supported (documented)
    return cls;
}

// ---- type --------------------------------------------------------------------------------------
static void type_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    const py_type *t = (const py_type *)self;
    if (t->flags & PY_TF_HEAP) {
        py_val mod = py_dict_get_qstr(t->locals, PY_QSTR___module__);
        py_val qn = py_dict_get_qstr(t->locals, PY_QSTR___qualname__);
        if (mod && py_is_str(mod)) {
            py_printf(p, "<class '%S.%S'>", mod, qn ? qn : py_qstr_val(t->name));
            return;
        }
    }
    py_printf(p, "<class '%q'>", py_type_qname(t));
}

static py_val type_make_new(const py_type *meta, size_t n_args, size_t n_kw, const py_val *args) {
    (void)n_kw;
    if (n_args == 1) {
        return (py_val)py_typeof(args[0]);
    }
    if (n_args != 3) {
        py_raise_msg(&py_type_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!py_isinstance(args[2], &py_type_dict)) {
        py_raise_msg(&py_type_TypeError, "type.__new__() argument 3 must be dict");
    }
    py_dict *ns = (py_dict *)py_dict_new(8);
    py_dict_update(ns, args[2]);
    py_val bases = args[1];
    if (!py_isinstance(bases, &py_type_tuple)) {
        py_raise_msg(&py_type_TypeError, "type.__new__() argument 2 must be tuple");
    }
    return py_type_new(meta, py_str_intern(args[0]), bases, ns);
}

static void type_attr(py_val self, qstr attr, py_val *dest) {
    const py_type *t = (const py_type *)self;
    if (dest[0] == PY_SENTINEL) {
        if (!(t->flags & PY_TF_HEAP)) {
            py_raise_fmt(&py_type_TypeError, "cannot set '%q' attribute of immutable type '%q'", attr,
                         py_type_qname(t));
        }
        if (dest[1]) {
            py_dict_set_qstr(t->locals, attr, dest[1]);
        } else if (py_dict_remove(t->locals, py_qstr_val(attr)) == PY_NULL) {
            return;
        }
        py_type_modified(attr);
        dest[0] = PY_NULL;
        return;
    }
    switch (attr) {
    case PY_QSTR___name__: dest[0] = py_qstr_val(t->name); return;
    case PY_QSTR___qualname__: {
        py_val qn = (t->flags & PY_TF_HEAP) ? py_dict_get_qstr(t->locals, attr) : PY_NULL;
        dest[0] = qn ? qn : py_qstr_val(t->name);
        return;
    }
    case PY_QSTR___bases__:
        if (t->bases) {
            dest[0] = (py_val)t->bases;
        } else {
            py_val b = (py_val)t->base_type;
            dest[0] = py_tuple_new(b ? 1 : 0, &b);
        }
        return;
    case PY_QSTR___base__: dest[0] = t->base_type ? (py_val)t->base_type : PY_NONE; return;
    case PY_QSTR___mro__: dest[0] = mro_of(t); return;
    case PY_QSTR___dict__: dest[0] = t->locals ? (py_val)t->locals : py_dict_new(0); return;
    case PY_QSTR___module__:
        if (!(t->flags & PY_TF_HEAP)) {
            dest[0] = py_qstr_val(PY_QSTR_builtins);
            return;
        }
        break;
    case PY_QSTR___doc__:
        if (!(t->flags & PY_TF_HEAP)) {
            dest[0] = PY_NONE;
            return;
        }
        break;
    default: break;
    }
    py_val v = py_type_lookup(t, attr);
    if (v) {
        const py_type *vt = py_typeof(v);
        if (vt == &py_type_staticmethod) {
            dest[0] = ((py_wrapper *)v)->func;
        } else if (vt == &py_type_classmethod) {
            dest[0] = ((py_wrapper *)v)->func;
            dest[1] = self;
        } else if ((vt->flags & PY_TF_HEAP) && py_type_lookup(vt, PY_QSTR___get__)) {
            dest[0] = py_call3(py_type_lookup(vt, PY_QSTR___get__), v, PY_NONE, self);
        } else {
            dest[0] = v;
        }
        return;
    }
    // methods of the metaclass (type.mro, ...)
    const py_type *meta = py_typeof(self);
    v = py_type_lookup(meta, attr);
    if (v) {
        py_bind_attr(self, v, dest);
    }
}

static py_val type_binary_op(int op, py_val lhs, py_val rhs) {
    if (op == PY_OP_EQ) {
        return py_bool(lhs == rhs);
    }
    if (op == PY_OP_OR) {
        // int | None style unions are accepted as a tuple for isinstance (documented)
        py_val items[2] = {lhs, rhs};
        return py_tuple_new(2, items);
    }
    return PY_NULL;
}

static py_val type_unary_op(int op, py_val self) {
    if (op == PY_UOP_HASH) {
        return py_small((py_int_t)((uintptr_t)self >> 4));
    }
    return PY_NULL;
}

static py_val type_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    const py_type *t = (const py_type *)self;
    if (t->make_new == NULL) {
        py_raise_fmt(&py_type_TypeError, "cannot create '%q' instances", py_type_qname(t));
    }
    return t->make_new(t, n_args, n_kw, args);
}

static py_val type_mro(py_val self) { return py_call1((py_val)&py_type_list, mro_of((const py_type *)self)); }
static PY_FN_OBJ_1(type_mro_obj, mro, type_mro);

static py_val type_subclasscheck(py_val self, py_val sub) {
    return py_bool(py_is_type(sub) && py_issubclass((const py_type *)sub, (const py_type *)self));
}
static PY_FN_OBJ_2(type_subclasscheck_obj, __subclasscheck__, type_subclasscheck);

static const py_dict_entry type_locals_table[] = {
    PY_ROM_ENTRY(mro, &type_mro_obj),
    PY_ROM_ENTRY(__subclasscheck__, &type_subclasscheck_obj),
};
static PY_ROM_DICT(type_locals, type_locals_table);

const py_type py_type_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_type,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID,
    .print = type_print,
    .make_new = type_make_new,
    .call = type_call,
    .unary_op = type_unary_op,
    .binary_op = type_binary_op,
    .attr = type_attr,
    .locals = (py_dict *)&type_locals,
    .base_type = &py_type_object,
};

// ---- object ---------------------------------------------------------------------------------------
static void object_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    print_default(p, self);
}

static py_val object_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)args;
    if (n_args || n_kw) {
        py_raise_msg(&py_type_TypeError, "object() takes no arguments");
    }
    return (py_val)py_new(py_obj, t);
}

static py_val object_init(size_t n_args, const py_val *args) {
    (void)n_args;
    (void)args;
    return PY_NONE;
}
PY_FN_OBJ_VAR(py_object_init_obj, __init__, 1, PY_ARGS_MANY, object_init);

static py_val object_new_fn(size_t n_args, const py_val *args) {
    if (!py_is_type(args[0])) {
        py_raise_msg(&py_type_TypeError, "object.__new__(X): X is not a type object");
    }
    (void)n_args;
    return py_object_new((const py_type *)args[0]);
}
static PY_FN_OBJ_VAR(object_new_obj, __new__, 1, PY_ARGS_MANY, object_new_fn);
static const py_wrapper object_new_static = {{&py_type_staticmethod}, (py_val)&object_new_obj};

static py_val object_repr(py_val self) {
    py_vstr v;
    py_vstr_init(&v, 48);
    py_print p;
    py_vstr_printer(&v, &p);
    print_default(&p, self);
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_1(object_repr_obj, __repr__, object_repr);

static py_val object_str(py_val self) { return py_repr(self); }
PY_FN_OBJ_1(py_object_str_obj, __str__, object_str);

static py_val object_eq(py_val self, py_val other) { return self == other ? PY_TRUE : PY_NOTIMPLEMENTED; }
static PY_FN_OBJ_2(object_eq_obj, __eq__, object_eq);
static py_val object_ne(py_val self, py_val other) {
    py_val r = py_binary_op(PY_OP_EQ, self, other);
    return py_bool(!py_is_true(r));
}
static PY_FN_OBJ_2(object_ne_obj, __ne__, object_ne);
static py_val object_hash(py_val self) { return py_small((py_int_t)((uintptr_t)self >> 4)); }
static PY_FN_OBJ_1(object_hash_obj, __hash__, object_hash);

static py_val object_setattr(py_val self, py_val name, py_val value) {
    py_object_setattr_generic(self, py_str_intern(name), value);
    return PY_NONE;
}
static PY_FN_OBJ_3(object_setattr_obj, __setattr__, object_setattr);
static py_val object_delattr(py_val self, py_val name) {
    py_object_setattr_generic(self, py_str_intern(name), PY_NULL);
    return PY_NONE;
}
static PY_FN_OBJ_2(object_delattr_obj, __delattr__, object_delattr);
static py_val object_getattribute(py_val self, py_val name) {
    // the generic lookup, without the class's __getattr__ fallback loop
    return py_load_attr(self, py_str_intern(name));
}
static PY_FN_OBJ_2(object_getattribute_obj, __getattribute__, object_getattribute);

static py_val object_format(py_val self, py_val spec) {
    size_t n;
    py_get_str(spec, &n);
    if (n != 0) {
        py_raise_fmt(&py_type_TypeError, "unsupported format string passed to %T.__format__", self);
    }
    return py_str_of(self);
}
static PY_FN_OBJ_2(object_format_obj, __format__, object_format);

static py_val object_dir(py_val self) { return py_builtin_dir_of(self); }
static PY_FN_OBJ_1(object_dir_obj, __dir__, object_dir);

static py_val object_reduce_ex(py_val self, py_val proto) {
    (void)proto;
    py_raise_fmt(&py_type_TypeError, "cannot pickle '%T' object", self);
}
static PY_FN_OBJ_2(object_reduce_ex_obj, __reduce_ex__, object_reduce_ex);

static const py_dict_entry object_locals_table[] = {
    PY_ROM_ENTRY(__init__, &py_object_init_obj),
    PY_ROM_ENTRY(__new__, &object_new_static),
    PY_ROM_ENTRY(__repr__, &object_repr_obj),
    PY_ROM_ENTRY(__str__, &py_object_str_obj),
    PY_ROM_ENTRY(__eq__, &object_eq_obj),
    PY_ROM_ENTRY(__ne__, &object_ne_obj),
    PY_ROM_ENTRY(__hash__, &object_hash_obj),
    PY_ROM_ENTRY(__setattr__, &object_setattr_obj),
    PY_ROM_ENTRY(__delattr__, &object_delattr_obj),
    PY_ROM_ENTRY(__getattribute__, &object_getattribute_obj),
    PY_ROM_ENTRY(__format__, &object_format_obj),
    PY_ROM_ENTRY(__dir__, &object_dir_obj),
    PY_ROM_ENTRY(__reduce_ex__, &object_reduce_ex_obj),
};
static PY_ROM_DICT(object_locals, object_locals_table);

const py_type py_type_object = {
    .base = {&py_type_type},
    .name = PY_QSTR_object,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID,
    .print = object_print,
    .make_new = object_make_new,
    .locals = (py_dict *)&object_locals,
};

// ---- super -----------------------------------------------------------------------------------
typedef struct py_super {
    py_obj base;
    const py_type *cls;
    py_val obj;
} py_super;

static void check_super_args(py_val cls, py_val obj) {
    if (!py_is_type(cls)) {
        py_raise_fmt(&py_type_TypeError, "super() argument 1 must be a type, not %T", cls);
    }
    const py_type *c = (const py_type *)cls;
    const py_type *ot = py_is_type(obj) && py_issubclass((const py_type *)obj, c)
                            ? (const py_type *)obj
                            : py_typeof(obj);
    if (!py_issubclass(ot, c)) {
        py_raise_msg(&py_type_TypeError,
                     "super(type, obj): obj must be an instance or subtype of type");
    }
}

static py_val super_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    py_arg_check_no_kw("super", n_kw);
    if (n_args != 2) {
        py_raise_msg(&py_type_RuntimeError, "super(): no arguments");
    }
    check_super_args(args[0], args[1]);
    const py_type *cls = (const py_type *)args[0];
    py_val obj = args[1];
    py_super *s = py_new(py_super, &py_type_super);
    s->cls = cls;
    s->obj = obj;
    return (py_val)s;
}

// The attribute of super(cls, obj): looked up along the MRO after cls (dest as for the attr
// slot; dest[0] stays PY_NULL when absent).
static void super_lookup(const py_type *cls, py_val obj, qstr attr, py_val *dest) {
    bool obj_is_type = py_is_type(obj) && py_issubclass((const py_type *)obj, cls);
    const py_type *start = obj_is_type ? (const py_type *)obj : py_typeof(obj);
    py_val mro = mro_of(start);
    py_tuple *m = (py_tuple *)mro;
    size_t i = 0;
    while (i < m->len && m->items[i] != (py_val)cls) {
        i++;
    }
    for (i++; i < m->len; i++) {
        const py_type *b = (const py_type *)m->items[i];
        py_dict *d = locals_of(b);
        if (d == NULL) {
            continue;
        }
        py_val v = py_dict_get_qstr(d, attr);
        if (v == PY_NULL) {
            continue;
        }
        const py_type *vt = py_typeof(v);
        if (obj_is_type) {
            if (vt == &py_type_classmethod) {
                dest[0] = ((py_wrapper *)v)->func;
                dest[1] = obj;
            } else if (vt == &py_type_staticmethod) {
                dest[0] = ((py_wrapper *)v)->func;
            } else {
                dest[0] = v;
            }
            return;
        }
        py_val target = obj;
        if (vt == &py_type_builtin && !(b->flags & PY_TF_HEAP)) {
            py_val native = native_of(target);
            if (native) {
                target = native;
            }
        }
        py_bind_attr(target, v, dest);
        return;
    }
}

static void super_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    py_super *s = (py_super *)self;
    super_lookup(s->cls, s->obj, attr, dest);
}

void py_super_load_method(py_val cls, py_val obj, qstr attr, py_val dest[2]) {
    check_super_args(cls, obj);
    dest[0] = dest[1] = PY_NULL;
    super_lookup((const py_type *)cls, obj, attr, dest);
    if (dest[0] == PY_NULL) {
        py_val args[2] = {cls, obj};
        py_raise_attr_error(super_make_new(&py_type_super, 2, 0, args), attr);
    }
}

static void super_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_super *s = (py_super *)self;
    py_printf(p, "<super: <class '%q'>, <%T object>>", py_type_qname(s->cls), s->obj);
}

const py_type py_type_super = {
    .base = {&py_type_type},
    .name = PY_QSTR_super,
    .flags = PY_TF_EQ_ID,
    .print = super_print,
    .make_new = super_make_new,
    .attr = super_attr,
    .base_type = &py_type_object,
};

// ---- staticmethod, classmethod, property ------------------------------------------------------------
static py_val wrapper_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw(py_qstr_str(t->name), n_kw);
    py_arg_check_count(py_qstr_str(t->name), n_args, 1, 1);
    py_wrapper *w = py_new(py_wrapper, t);
    w->func = args[0];
    return (py_val)w;
}

static void wrapper_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    if (attr == PY_QSTR___func__ || attr == PY_QSTR___wrapped__) {
        dest[0] = ((py_wrapper *)self)->func;
    } else if (attr == PY_QSTR___doc__ || attr == PY_QSTR___name__) {
        dest[0] = py_load_attr_maybe(((py_wrapper *)self)->func, attr);
    }
}

static py_val staticmethod_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    return py_call(((py_wrapper *)self)->func, n_args, n_kw, args);
}

const py_type py_type_staticmethod = {
    .base = {&py_type_type},
    .name = PY_QSTR_staticmethod,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID,
    .make_new = wrapper_make_new,
    .call = staticmethod_call,
    .attr = wrapper_attr,
    .base_type = &py_type_object,
};

const py_type py_type_classmethod = {
    .base = {&py_type_type},
    .name = PY_QSTR_classmethod,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID,
    .make_new = wrapper_make_new,
    .attr = wrapper_attr,
    .base_type = &py_type_object,
};

static py_val property_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_fget, 0, PY_NONE}, {PY_QSTR_fset, 0, PY_NONE}, {PY_QSTR_fdel, 0, PY_NONE}, {PY_QSTR_doc, 0, PY_NONE},
    };
    py_val a[4];
    py_arg_parse("property", n_args, n_kw, args, 0, spec, 4, a);
    py_property *p = py_new(py_property, t);
    p->fget = a[0];
    p->fset = a[1];
    p->fdel = a[2];
    p->doc = a[3];
    if (p->doc == PY_NONE && p->fget != PY_NONE) {
        py_val d = py_load_attr_maybe(p->fget, PY_QSTR___doc__);
        p->doc = d ? d : PY_NONE;
    }
    return (py_val)p;
}

static py_val property_copy(py_val self, int which, py_val fn) {
    py_property *old = (py_property *)self;
    py_property *p = py_new(py_property, py_typeof(self));
    *p = *old;
    if (which == 0) {
        p->fget = fn;
    } else if (which == 1) {
        p->fset = fn;
    } else {
        p->fdel = fn;
    }
    return (py_val)p;
}
static py_val property_getter(py_val self, py_val fn) { return property_copy(self, 0, fn); }
static py_val property_setter(py_val self, py_val fn) { return property_copy(self, 1, fn); }
static py_val property_deleter(py_val self, py_val fn) { return property_copy(self, 2, fn); }
static PY_FN_OBJ_2(property_getter_obj, getter, property_getter);
static PY_FN_OBJ_2(property_setter_obj, setter, property_setter);
static PY_FN_OBJ_2(property_deleter_obj, deleter, property_deleter);

static void property_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    py_property *p = (py_property *)self;
    switch (attr) {
    case PY_QSTR_fget: dest[0] = p->fget; break;
    case PY_QSTR_fset: dest[0] = p->fset; break;
    case PY_QSTR_fdel: dest[0] = p->fdel; break;
    case PY_QSTR___doc__: dest[0] = p->doc; break;
    default: break;
    }
}

static const py_dict_entry property_locals_table[] = {
    PY_ROM_ENTRY(getter, &property_getter_obj),
    PY_ROM_ENTRY(setter, &property_setter_obj),
    PY_ROM_ENTRY(deleter, &property_deleter_obj),
};
static PY_ROM_DICT(property_locals, property_locals_table);

const py_type py_type_property = {
    .base = {&py_type_type},
    .name = PY_QSTR_property,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID,
    .make_new = property_make_new,
    .attr = property_attr,
    .locals = (py_dict *)&property_locals,
    .base_type = &py_type_object,
};
